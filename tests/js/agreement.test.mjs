// Native and wasm give byte-identical reports: the shipped examples and 3,000 generated
// submissions are evaluated by the wasm package here and by the native engine
// (target/release/examples/digests, built by scripts/test.sh), and compared digest by digest.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { initSync, sealedReport, pack } from "../../pkg/gpai_check.js";

const root = new URL("../../", import.meta.url).pathname;
initSync({ module: readFileSync(join(root, "pkg/gpai_check_bg.wasm")) });
const native = join(root, "target/release/examples/digests");

/** A small seeded generator, so that every run tests the same 3,000 submissions. */
function rng(seed) {
  let s = seed >>> 0 || 1;
  return (n) => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
}

function generated(count) {
  const questions = pack("gpai-cop-final").chapters.flatMap((c) =>
    c.commitments.flatMap((k) => k.measures.flatMap((m) => m.questions)),
  );
  const pick = (r, list) => list[r(list.length)];
  const out = [];
  for (let i = 0; i < count; i++) {
    const r = rng(i + 1);
    const profile = {
      significant_generality: pick(r, ["yes", "no", "unknown", undefined]),
      training_compute_flop: pick(r, [undefined, 5e22, 2e23, 5.2e24, 1e25, 3.8e25]),
      generates_language_image_or_video: pick(r, [true, false, undefined]),
      placed_on_eu_market: pick(r, [true, true, false, undefined]),
      established_in_eu: pick(r, [true, false, undefined]),
      is_open_source_licence: pick(r, [true, false]),
      weights_public: pick(r, [true, false]),
      architecture_and_usage_info_public: pick(r, [true, false]),
      is_modification: pick(r, [false, false, true]),
      modification_compute_fraction: pick(r, [undefined, 0.2, 0.5]),
      placed_before_2025_08_02: pick(r, [true, false]),
      is_sme: pick(r, [true, false]),
      signed_safety_security_chapter: pick(r, [true, false]),
      worldwide_annual_turnover_eur: pick(r, [undefined, 1e8, 4.2e9]),
    };
    const answers = {};
    const share = r(101);
    for (const q of questions) {
      if (r(100) >= share) continue;
      const opts = (q.options ?? []).map((o) => o.id);
      answers[q.id] =
        r(25) === 0
          ? pick(r, ["maybe", 12, true, null, "", [1, 2]])
          : {
              "yes-partly-no": () => pick(r, ["yes", "partly", "no"]),
              "yes-no": () => pick(r, ["yes", "no"]),
              "single-choice": () => pick(r, opts),
              "multi-choice": () => opts.slice(0, 1 + r(opts.length)),
              number: () => pick(r, [0, 2, 4.5, 14, 21, 60, 1e3]),
              quantity: () => pick(r, ["2.4e25", "1e24", "7.3x10^10", 5.2e24, "N/A", "10^25"]),
              date: () => pick(r, ["2025-01-15", "2025-08-02", "2026-11-28", "2026-12-31"]),
              text: () => pick(r, ["Procedure P-7, version 3.", "ok", "A <b>bold</b> claim & more"]),
              url: () => pick(r, ["https://example.com/x", "http://example.eu/y?z=1", "ftp://no"]),
            }[q.type]();
    }
    out.push({ pack: "gpai-cop-final", title: `generated ${i}`, profile, answers, assessmentDate: pick(r, [undefined, "2026-11-28"]) });
  }
  return out;
}

function wasmLine(submission) {
  try {
    return sealedReport(submission).digest;
  } catch (e) {
    return `error:${e.code}:${e.path}`;
  }
}

test("native and wasm agree on every report, digest by digest", () => {
  assert.ok(existsSync(native), `build the native side first: cargo build --release --example digests`);
  const examples = readdirSync(join(root, "www/examples"))
    .filter((f) => f.endsWith(".json") && f !== "index.json")
    .map((f) => JSON.parse(readFileSync(join(root, "www/examples", f), "utf8")));
  // JSON.stringify drops undefined keys, exactly as the package does when it reads a value.
  const all = [...examples, ...generated(3000)].map((s) => JSON.parse(JSON.stringify(s)));
  const nativeLines = execFileSync(native, { input: JSON.stringify(all), encoding: "utf8", maxBuffer: 1 << 26 })
    .trimEnd()
    .split("\n");
  assert.equal(nativeLines.length, all.length);
  let reports = 0;
  all.forEach((s, i) => {
    const line = wasmLine(s);
    assert.equal(line, nativeLines[i], `submission ${i} (${s.title}) differs`);
    if (line.startsWith("sha256:")) reports++;
  });
  assert.ok(reports > 2900, `most generated submissions are evaluated, not refused (${reports})`);
});
