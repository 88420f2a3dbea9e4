// The page's second module: the engine's export-only entry points (sealing a report, the Markdown
// report, the documents to hand over, reading an answers file), which the first-visit engine
// (www/engine/, built without them by scripts/build.sh) leaves out. app.js loads this module in
// idle time once the page is ready, and at once when an export or an import needs it first:
// two GET requests for the checker's own files (this chunk and pkg/gpai_check_bg.wasm, the
// whole engine as the npm package has it), with no query and no body; no answer goes with them.
// Only this module imports the whole engine's glue (scripts/bundle.mjs keeps every other import
// of it on the first-visit engine). The one-file checker has one engine: this is the page's own,
// already started, and nothing is fetched.
import init, { sealedReport, readAnswers, reportMarkdown, documents, pack, evaluate, reportSummary, whatChanged } from "../pkg/gpai_check.js";

export { sealedReport, readAnswers, reportMarkdown, documents };
// The pack and its evaluation, for a page that starts on the first-screen engine (the scope
// decision alone, www/engine/gpai_check_first_screen*) and takes them from here once this module
// has arrived (docs/performance.md, "The two-phase start"). The page engine has them too.
export { pack, evaluate, reportSummary, whatChanged };

/** Starts the whole engine from its wasm at `wasm` (a URL), once; a started engine is kept. */
export async function start(wasm) {
  await init({ module_or_path: wasm });
}
