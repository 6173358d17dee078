// The Node entry of createimage-validator: the browser build's own JavaScript and WebAssembly,
// instantiated synchronously from the file on import, so every function works at once.
import { readFileSync } from "node:fs";
import { initSync } from "./web/createimage_validator.js";

initSync({ module: readFileSync(new URL("./web/createimage_validator_bg.wasm", import.meta.url)) });

export * from "./web/createimage_validator.js";

/** Already loaded on import in Node; kept so code written for browsers runs unchanged. */
export default async function init() {}
