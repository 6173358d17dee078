// The package README's examples run as written: every ```js block of the installed README that shows
// its output in `// → …` lines is saved as a module beside this consumer's node_modules, run with
// node, and must print exactly those lines, in order.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { here } from "../lib/env.mjs";

const run = promisify(execFile);
const readme = readFileSync(fileURLToPath(import.meta.resolve("createimage-validator/package.json").replace(/package\.json$/, "README.md")), "utf8");
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]).filter((code) => /^\/\/ → /m.test(code));
const dir = join(here, ".generated", "readme");

test("the README has runnable examples for TanStack Form and React Hook Form", () => {
  assert.ok(blocks.some((b) => b.includes('from "@tanstack/form-core"')));
  assert.ok(blocks.some((b) => b.includes('from "@hookform/resolvers/standard-schema"')));
});

blocks.forEach((code, i) => {
  const first = code.split("\n").find((l) => l.startsWith("import"));
  test(`README example ${i + 1} (${first}) prints what it shows`, async () => {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `example-${i + 1}.mjs`);
    writeFileSync(file, code);
    const { stdout } = await run(process.execPath, [file], { cwd: here });
    const shown = [...code.matchAll(/^\/\/ → (.*)$/gm)].map((m) => m[1]);
    assert.deepEqual(stdout.trimEnd().split("\n"), shown);
  });
});

test.after(() => rmSync(dir, { recursive: true, force: true }));
