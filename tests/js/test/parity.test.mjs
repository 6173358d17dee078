// Parity with the native CLI over every test request of the validator: the package's reports are the
// very bytes `createimage check --json` prints (validateJson), and validate()'s objects serialize to the
// same JSON, key order included. Also explain() against `createimage explain --json` for every code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { validate, validateJson, explain, catalog, providers } from "createimage-validator";
import { cli, loadCases } from "../lib/env.mjs";

const run = promisify(execFile);
const cases = loadCases();
const variants = [
  { name: "en", args: [], options: undefined },
  { name: "zh", args: ["--lang", "zh"], options: { lang: "zh" } },
  { name: "strict", args: ["--strict"], options: { strict: true } },
];

test("the CLI is built", () => {
  assert.ok(existsSync(cli), `${cli} is missing: cargo build -p createimage-cli`);
});

/** One `check --jsonl --json` run over requests (JSON text lines): the report text of each line. */
async function cliReports(provider, lines, args) {
  const dir = mkdtempSync(join(tmpdir(), "createimage-parity-"));
  try {
    const file = join(dir, "requests.jsonl");
    writeFileSync(file, lines.join("\n") + "\n");
    const out = await run(cli, ["check", "--provider", provider, "--jsonl", "--json", ...args, file], {
      maxBuffer: 64 << 20,
    }).catch((e) => (e.code === 1 ? e : Promise.reject(e))); // exit 1: some request has errors
    const reports = out.stdout.trimEnd().split("\n");
    assert.equal(reports.length, lines.length);
    return reports.map((line, i) => {
      // `{"line":N,` + the report's own JSON without its `{`: the report's bytes are what follows.
      const prefix = `{"line":${i + 1},`;
      assert.ok(line.startsWith(prefix), line.slice(0, 40));
      return "{" + line.slice(prefix.length);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const { id: provider } of providers()) {
  const mine = cases.filter((c) => c.provider === provider);
  for (const v of variants) {
    test(`${provider} (${v.name}): ${mine.length} requests, identical to check --json`, async (t) => {
      assert.ok(mine.length > 0);
      const lines = mine.map((c) => JSON.stringify(c.request));
      const expected = await cliReports(provider, lines, v.args);
      let lossy = 0;
      for (const [i, c] of mine.entries()) {
        // JSON text in, JSON text out: byte for byte.
        assert.equal(validateJson(provider, lines[i], v.options), expected[i], c.name);
        // Objects: the same JSON, key order included. A JS number cannot hold an integer beyond 2^53,
        // so the CLI's text is compared after the same round trip through a JS number.
        const normalized = JSON.stringify(JSON.parse(expected[i]));
        if (normalized !== expected[i]) lossy += 1;
        assert.equal(JSON.stringify(validate(provider, c.request, v.options)), normalized, c.name);
        assert.equal(JSON.stringify(validate(provider, lines[i], v.options)), normalized, c.name);
      }
      t.diagnostic(`${lossy} report(s) carry an integer beyond 2^53 (exact in validateJson only)`);
    });
  }
}

for (const { id: provider } of providers()) {
  test(`${provider}: explain() equals explain --json for every code`, async () => {
    const rows = catalog(provider);
    const codes = [...new Set(rows.map((r) => r.code))];
    assert.ok(codes.length > 0);
    const queries = codes.map((code) => ({ code, message: undefined }));
    // Codes with several rows: each row's message must bring that row first, as in the CLI.
    for (const r of rows) if (rows.filter((x) => x.code === r.code).length > 1 && r.message) queries.push({ code: r.code, message: r.message });
    // Another case resolves to the same code.
    queries.push({ code: codes[0].toLowerCase(), message: undefined });
    const pool = 4;
    for (let at = 0; at < queries.length; at += pool) {
      await Promise.all(
        queries.slice(at, at + pool).map(async ({ code, message }) => {
          const args = ["explain", "--provider", provider, code, "--json", ...(message ? ["--message", message] : [])];
          const out = await run(cli, args);
          const answer = JSON.parse(out.stdout);
          assert.equal(JSON.stringify(explain(provider, code, message)), JSON.stringify(answer.entries), `${code} ${message ?? ""}`);
        }),
      );
    }
  });
}

test("JSON text as files hold it: a byte-order mark is skipped as check skips it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "createimage-parity-"));
  try {
    const text = "\ufeff" + JSON.stringify({ instanceId: "ins-1", imageName: "a_b" });
    const file = join(dir, "bom.json");
    writeFileSync(file, text);
    const out = await run(cli, ["check", "--provider", "tencent", "--json", file]).catch((e) => (e.code === 1 ? e : Promise.reject(e)));
    assert.equal(validateJson("tencent", text), out.stdout.trimEnd());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
