// The built DOCX chunk (scripts/docx-chunk.mjs) exports what www/docx-export.js does: this lets
// the type check follow docx-loader.js's import of the chunk to its source.
export { documentDocx, DOCX_MEDIA_TYPE } from "./docx-export.js";
