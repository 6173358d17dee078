// Content digests of the console's built files, shared by scripts/finish-dist.mjs and lib/split.mjs.
import { createHash } from "node:crypto";

/** A subresource-integrity value (`sha384-…`) of `bytes`, as index.html and `fetch` take it. */
export const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

/** Sixteen hex digits of `bytes`' SHA-256: the content hash in a file name, as Trunk writes it. */
export const hash16 = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
