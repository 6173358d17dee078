// "createimage-validator/validate": only the validate module (no labels, hints, catalog meanings or
// schema), for apps that validate and load nothing else. The types are those of the main entry.
import type { InitInput } from "./index.js";
export type * from "./index.js";
export { validate, validateJson, validateField, providers, standardSchema, schemas } from "./index.js";

/**
 * Loads the validate module; await it once before any other call in a browser or bundler build (by
 * default it fetches `validate_bg.wasm` beside the JS). In Node it is loaded on import and this
 * resolves at once.
 */
export default function init(
  moduleOrPath?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<unknown>;

/** Loads the validate module synchronously from bytes or a compiled module. */
export function initSync(module: { module: BufferSource | WebAssembly.Module }): unknown;
