// axe-core on each provider's form: no serious or critical violation (light, before and after the
// sandbox's offers appear; with errors shown, light and dark).
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { consoleTest } from "../lib/harness.mjs";
import { PROVIDERS, selectProvider, pressCreate } from "../lib/console.mjs";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Inject axe-core (once per page) and return the serious and critical violations, one line each. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ["violations"] })).violations);
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join(", ")}${v.nodes.length > 5 ? ` (+${v.nodes.length - 5})` : ""}`);
}

export default function a11y() {
  for (const p of PROVIDERS) {
    consoleTest(`axe-core: 0 serious or critical violations on the ${p} form, the sandbox's offers shown`, async ({ page }) => {
      await selectProvider(page, p);
      assert.deepEqual(await axeViolations(page), []);
      // The form's first use in Sandbox mode brings the lists of the sandbox's own under the id fields.
      await page.locator(`#request-${p} input`).first().focus();
      await page.locator(`#request-${p} select[id$="-sandbox"]`).first().waitFor({ state: "visible", timeout: 5_000 });
      assert.deepEqual(await axeViolations(page), []);
    });
  }

  for (const scheme of ["light", "dark"]) {
    consoleTest(`axe-core: 0 serious or critical violations with errors and the summary shown (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await selectProvider(page, "zenlayer");
      await page.locator("#f-zenlayer-imageName").fill("x".repeat(25));
      await pressCreate(page);
      await page.locator("#error-summary").waitFor({ state: "visible" });
      assert.deepEqual(await axeViolations(page), []);
    });
  }
}
