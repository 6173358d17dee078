// The Node entry of "createimage-validator/validate": the validate-only module of the browser
// build, instantiated synchronously from the file on import, so every function works at once.
import { readFileSync } from "node:fs";
import { initSync as load } from "./web/validate.js";

load({ module: readFileSync(new URL("./web/validate_bg.wasm", import.meta.url)) });

export { validate, validateJson, validateField, providers, standardSchema, schemas } from "./web/validate.js";

/** Already loaded on import in Node; kept so code written for browsers runs unchanged. */
export default async function init() {}

/** Already loaded on import in Node; kept so code written for browsers runs unchanged. */
export function initSync() {}
