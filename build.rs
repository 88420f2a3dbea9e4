//! Assembles each built-in rule pack from its chapter files and fixes its digest.
//!
//! For every `src/packs/<dir>/pack.json` the manifest's `chapterFiles` are read in order and put
//! under `chapters`; the digest is SHA-256 over the canonical JSON (sorted keys, no spaces) with
//! `digest` empty, written as `sha256:<hex>`. The result goes to `OUT_DIR` and is embedded by
//! `src/pack/mod.rs`. This runs natively at build time only; nothing here reaches the wasm.

use std::{env, fs, path::Path};

use serde_json::Value;
use sha2::{Digest, Sha256};

fn main() {
    println!("cargo:rerun-if-changed=src/packs");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut entries = String::from("&[\n");
    let mut dirs: Vec<_> = fs::read_dir("src/packs")
        .expect("src/packs exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("pack.json").is_file())
        .collect();
    dirs.sort();
    for dir in dirs {
        println!("cargo:rerun-if-changed={}", dir.display());
        let (id, version, digest, json) = assemble(&dir);
        let file = Path::new(&out).join(format!("pack-{id}.json"));
        fs::write(&file, json).expect("write assembled pack");
        entries.push_str(&format!(
            "    BuiltinPack {{ id: {id:?}, version: {version:?}, digest: {digest:?}, json: include_str!({:?}) }},\n",
            file.display().to_string()
        ));
    }
    entries.push(']');
    fs::write(Path::new(&out).join("builtin_packs.rs"), entries).expect("write builtin_packs.rs");
}

fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not valid JSON: {e}", path.display()))
}

fn assemble(dir: &Path) -> (String, String, String, String) {
    let mut manifest = read_json(&dir.join("pack.json"));
    let obj = manifest.as_object_mut().expect("pack.json is an object");
    let files = obj.remove("chapterFiles").expect("pack.json lists chapterFiles");
    let chapters: Vec<Value> = files
        .as_array()
        .expect("chapterFiles is an array")
        .iter()
        .map(|f| read_json(&dir.join(f.as_str().expect("chapter file name is a string"))))
        .collect();
    obj.insert("chapters".into(), Value::Array(chapters));
    obj.insert("digest".into(), Value::String(String::new()));
    let id = obj["id"].as_str().expect("pack id").to_string();
    let version = obj["version"].as_str().expect("pack version").to_string();
    // serde_json's Value keeps object keys sorted, so this text is canonical.
    let canonical = serde_json::to_string(&manifest).expect("serialise pack");
    let digest = format!("sha256:{}", hex(&Sha256::digest(canonical.as_bytes())));
    manifest["digest"] = Value::String(digest.clone());
    let json = serde_json::to_string(&manifest).expect("serialise pack");
    (id, version, digest, json)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
