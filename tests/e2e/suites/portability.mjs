// The portability check: one name and description, a verdict per provider, the same as the validator's.
import assert from "node:assert/strict";
import { consoleTest } from "../lib/harness.mjs";
import { check } from "../lib/server.mjs";
import { PORTABLE, text, waitFor } from "../lib/console.mjs";

const KEYS = {
  aliyun: ["ImageName", "Description"],
  tencent: ["imageName", "imageDescription"],
  tencent3: ["ImageName", "ImageDescription"],
  jdcloud: ["name", "description"],
  zenlayer: ["imageName", "imageDescription"],
};

/** What the validator says about the name and description alone: OK, Warning or Error. */
function expectedVerdict(p, name, description) {
  const [n, d] = KEYS[p];
  const request = { [n]: name };
  if (description) request[d] = description;
  const issues = check(p, request).issues.filter((i) => i.field === n || i.field === d);
  if (issues.some((i) => i.severity === "error")) return "Error";
  if (issues.some((i) => i.severity === "warning")) return "Warning";
  return "OK";
}

export default function portability() {
  consoleTest("portability: one name and description, a verdict per provider equal to the validator's, a reason when not OK", async ({ page }) => {
    const name = page.locator("#portability-name");
    const description = page.locator("#portability-description");
    for (const [n, d] of [
      ["web-01", "nightly build"],
      ["x".repeat(25), ""], // too long for Tencent v2 (16) and Zenlayer (24), not for Tencent 3.0 (60), Alibaba (128) or JD (32)
      ["web.01", ""], // "." where the providers' docs disagree: warnings
      ["1web", "https://example.com"], // Alibaba: a name must start with a letter; a description not with https://
    ]) {
      await name.fill(n);
      await description.fill(d);
      for (const p of PORTABLE) {
        const want = expectedVerdict(p, n, d);
        const row = page.locator(`#portability tr[data-provider="${p}"]`);
        await waitFor(async () => (await text(row.locator("td.verdict"))) === want, `${p} "${n}"/"${d}": verdict ${want}`, { timeout: 2_000 });
        if (want !== "OK") assert.notEqual(await text(row.locator("td.reason")), "", `${p} "${n}": a reason`);
      }
    }
  });
}
