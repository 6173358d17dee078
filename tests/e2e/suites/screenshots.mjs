// A full-page screenshot of each provider's form in English and Chinese, under target/e2e-screenshots/
// (git-ignored), to look at. With CREATEIMAGE_README_SCREENSHOTS=DIR (the README's are docs/screenshots/),
// also each request form alone, as a user sees it with the pointer on it before sending anything (in
// Sandbox mode, with the sandbox's own offered under the id fields), for the README.
import assert from "node:assert/strict";
import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { consoleTest, SCREENSHOTS } from "../lib/harness.mjs";
import { PROVIDERS, selectProvider, waitFor, text } from "../lib/console.mjs";

const HAN = /[\u4e00-\u9fff]/;
const README_SHOTS = process.env.CREATEIMAGE_README_SCREENSHOTS;

export default function screenshots() {
  consoleTest(
    "screenshots: each provider's form in en and zh saved under target/e2e-screenshots/",
    async ({ page }, t) => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      for (const lang of ["en", "zh"]) {
        if ((await page.getAttribute("html", "lang")) !== lang) {
          await page.locator("#lang-toggle").click();
          await waitFor(async () => (await page.getAttribute("html", "lang")) === lang, `<html lang="${lang}">`);
        }
        for (const p of PROVIDERS) {
          await selectProvider(page, p);
          const first = page.locator(`label[for="f-${p}-${{ aliyun: "RegionId", jdcloud: "regionId", tencent3: "InstanceId" }[p] ?? "instanceId"}"]`);
          const label = await text(first);
          assert.equal(HAN.test(label), lang === "zh", `${p} ${lang}: the label "${label}" is in ${lang}`);
          // The pointer on the form, as a user's: in Sandbox mode the sandbox's own appear under the id fields.
          await page.locator(`#request-${p} h3`).first().hover();
          await page.locator(`#request-${p} select[id$="-sandbox"]`).first().waitFor({ state: "visible", timeout: 5_000 });
          const file = join(SCREENSHOTS, `${p}-${lang}.png`);
          await page.screenshot({ path: file, fullPage: true });
          assert.ok(statSync(file).size > 5_000, `${file} is not empty`);
          t.diagnostic(file);
          if (README_SHOTS) {
            mkdirSync(README_SHOTS, { recursive: true });
            const form = join(README_SHOTS, `${p}-${lang}.png`);
            await page.locator(`#request-${p}`).screenshot({ path: form });
            t.diagnostic(form);
          }
        }
      }
    },
    { timeout: 60_000 },
  );
}
