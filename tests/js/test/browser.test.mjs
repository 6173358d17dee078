// The browser build in Debian's Chromium (Playwright, no browser download): a page imports the ESM
// build through the package's "browser" export, awaits init() (fetching the .wasm) and validates; and
// the same through "createimage-validator/validate", the validate-only module; and the Standard Schema
// objects of both.
// The page is served by a tiny static server on 127.0.0.1, started and stopped here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, normalize, extname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { validate } from "createimage-validator";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const packageDir = fileURLToPath(import.meta.resolve("createimage-validator/package.json")).replace(/package\.json$/, "");
const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
const page = readFileSync(new URL("../browser/index.html", import.meta.url), "utf8")
  .replace("IMPORT_MAP_TARGET", "/pkg/" + manifest.exports["."].browser.replace(/^\.\//, ""))
  .replace("IMPORT_MAP_VALIDATE", "/pkg/" + manifest.exports["./validate"].browser.replace(/^\.\//, ""));
const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html", ".json": "application/json" };

function serve() {
  const requests = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    requests.push(url.pathname);
    if (url.pathname === "/") {
      res.writeHead(200, { "content-type": TYPES[".html"] }).end(page);
      return;
    }
    const file = normalize(join(packageDir, url.pathname.replace(/^\/pkg\//, "")));
    if (!url.pathname.startsWith("/pkg/") || !file.startsWith(packageDir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, requests })));
}

test("the ESM build validates in Chromium", { timeout: 60_000 }, async (t) => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing (scripts/setup.sh installs it)`);
  const { server, requests } = await serve();
  const profile = mkdtempSync(join(tmpdir(), "createimage-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const tab = context.pages()[0] ?? (await context.newPage());
    const problems = [];
    tab.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    tab.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    await tab.waitForFunction(() => window.result !== undefined, null, { timeout: 30_000 });
    const result = await tab.evaluate(() => window.result);
    assert.equal(result.failed, undefined, result.failed);
    assert.deepEqual(problems, []);
    // The same bytes as in Node: one engine, one module.
    assert.deepEqual(result.report, validate("tencent", { instanceId: "ins-1", imageName: "a_b" }));
    assert.equal(result.report.valid, false);
    assert.deepEqual(result.report.issues.map((i) => [i.field, i.code, i.kind.type]), [["imageName", "4000", "invalidChar"]]);
    assert.match(result.zh.issues.find((i) => i.field === "ImageName").message, /[\u4e00-\u9fff]/);
    assert.deepEqual(result.error, { isError: true, message: 'unknown provider "aws": expected one of aliyun, tencent, tencent3, jdcloud, zenlayer' });
    assert.deepEqual(result.field.map((i) => [i.kind.type, i.kind.max]), [["outOfRange", 1000]]);
    assert.deepEqual(result.providers, ["aliyun", "tencent", "tencent3", "jdcloud", "zenlayer"]);
    assert.ok(result.rules > 0);
    assert.equal(result.schema, "https://json-schema.org/draft/2020-12/schema");
    assert.ok(requests.includes("/pkg/web/createimage_validator_bg.wasm"), requests.join(" "));
    // The validate-only export: its own module, the same report.
    assert.deepEqual(result.validateOnly, result.report);
    assert.ok(requests.includes("/pkg/web/validate_bg.wasm"), requests.join(" "));
    // The Standard Schema objects of both modules, in the page.
    assert.deepEqual(result.standard.issues.map((i) => [i.path, i.code]), [[["dataDisks", 0, "cloudDiskSpec", "diskSizeGB"], "OUT_OF_RANGE"]]);
    assert.deepEqual(result.standardOnly.issues.map((i) => [i.path, i.message]), [[["imageName"], validate("tencent", { instanceId: "ins-1", imageName: "a_b" }, { lang: "zh" }).issues[0].message]]);
    t.diagnostic(`init + first validations in the page: ${result.ms.toFixed(1)} ms`);
  } finally {
    await context.close();
    await new Promise((resolve) => server.close(resolve));
    rmSync(profile, { recursive: true, force: true });
  }
});
