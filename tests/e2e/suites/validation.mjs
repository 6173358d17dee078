// Validation on every keystroke, the error summary, "Send anyway".
import assert from "node:assert/strict";
import { consoleTest } from "../lib/harness.mjs";
import { check, emulatorState } from "../lib/server.mjs";
import { selectProvider, fillForm, createButton, pressCreate, visible, text, waitFor, VALID } from "../lib/console.mjs";
import { isApiRequest } from "./submit.mjs";

const describedBy = async (loc) => ((await loc.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter(Boolean);

export default function validation() {
  consoleTest("boundary: Zenlayer imageName 24 → 25 characters shows the error on that keystroke; deleting one clears it; the counter follows", async ({ page }) => {
    await selectProvider(page, "zenlayer");
    // Found by its label (the metadata's "Image name", perhaps with a "required" marker); the
    // portability check has an "Image name" of its own, hence the id prefix.
    const input = visible(page.getByLabel(/^Image name\b/).and(page.locator('[id^="f-zenlayer-"]')));
    assert.equal(await input.getAttribute("id"), "f-zenlayer-imageName", "the label names the contract's input");
    const error = page.locator("#f-zenlayer-imageName-error");
    const count = page.locator("#f-zenlayer-imageName-count");
    const hint = page.locator("#f-zenlayer-imageName-hint");
    assert.equal(await hint.count(), 1, "a hint");
    assert.ok((await describedBy(input)).includes("f-zenlayer-imageName-hint"), "aria-describedby names the hint");

    await input.click();
    await input.pressSequentially("a".repeat(24));
    assert.equal(await text(count), "24 / 24");
    assert.equal(await error.count(), 0, "no error at 24 characters");
    assert.notEqual(await input.getAttribute("aria-invalid"), "true");

    // The 25th character: the error is there when the keystroke returns.
    await input.press("b");
    await error.waitFor({ state: "visible", timeout: 1_000 });
    assert.equal(await text(count), "25 / 24");
    assert.ok((await error.getAttribute("class")).split(/\s+/).includes("field-error"), "class field-error");
    const expected = check("zenlayer", { instanceId: "100000000001", imageName: "a".repeat(24) + "b" }).issues.find((i) => i.field === "imageName");
    assert.ok((await text(error)).includes(expected.message), `the validator's message "${expected.message}" in "${await text(error)}"`);
    assert.equal(await input.getAttribute("aria-invalid"), "true");
    assert.ok((await describedBy(input)).includes("f-zenlayer-imageName-error"), "aria-describedby names the error");

    // One deleted: gone on that keystroke.
    await input.press("Backspace");
    await waitFor(async () => (await error.count()) === 0 || !(await error.isVisible()), "the error gone", { timeout: 1_000 });
    assert.equal(await text(count), "24 / 24");
    assert.notEqual(await input.getAttribute("aria-invalid"), "true");
    assert.ok(!(await describedBy(input)).includes("f-zenlayer-imageName-error"), "aria-describedby no longer names the error");
  });

  consoleTest("messages wait for a touch: an untouched empty required field shows no error", async ({ page }) => {
    await selectProvider(page, "zenlayer");
    assert.equal(await visible(page.locator(".field-error")).count(), 0);
    assert.equal(await page.locator("#error-summary").filter({ visible: true }).count(), 0);
  });

  consoleTest("error summary: a submit with errors focuses it, links each field, titles the page Error:", async ({ page, requests }) => {
    await selectProvider(page, "zenlayer");
    await pressCreate(page);
    assert.equal(await createButton(page).count(), 1, "Create image is there with errors");
    const summary = page.locator("#error-summary");
    await summary.waitFor({ state: "visible", timeout: 2_000 });
    await waitFor(() => page.evaluate(() => document.activeElement?.id === "error-summary"), "focus on #error-summary", { timeout: 1_000 });
    assert.equal(await summary.getAttribute("role"), "alert");
    assert.equal(await summary.getAttribute("tabindex"), "-1");
    await summary.getByRole("heading", { name: "There is a problem" }).waitFor();
    assert.equal(await page.title(), "Error: createimage console");

    const links = summary.getByRole("link");
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    for (const id of ["f-zenlayer-instanceId", "f-zenlayer-imageName"]) {
      assert.ok(hrefs.includes(`#${id}`), `a link to #${id} in ${JSON.stringify(hrefs)}`);
      await page.locator(`#${id}-error`).waitFor({ state: "visible" });
    }
    for (const t of await links.allTextContents()) assert.match(t.trim(), /^.+: .+$/, "link text is `field: message`");
    assert.equal(requests.filter((r) => isApiRequest("zenlayer", r.url, r.method)).length, 0, "nothing sent");

    // The link leads to the field.
    await summary.locator('a[href="#f-zenlayer-imageName"]').click();
    await waitFor(() => page.evaluate(() => document.activeElement?.id === "f-zenlayer-imageName"), "focus on the image name input", { timeout: 1_000 });
    // Fixed fields lose their messages at once.
    await page.locator("#f-zenlayer-imageName").fill("web-01");
    await waitFor(async () => (await page.locator("#f-zenlayer-imageName-error").count()) === 0, "imageName's error gone", { timeout: 1_000 });
  });

  consoleTest("send anyway: the dialog names the overridden rules; Cancel sends nothing, Send anyway sends", async ({ page, url, requests }) => {
    await selectProvider(page, "zenlayer");
    // 25 characters: the README's INVALID_PARAMETER row, which the emulator refuses too.
    await fillForm(page, "zenlayer", { instanceId: VALID.zenlayer.instanceId, imageName: "x".repeat(25) });
    await visible(page.getByRole("button", { name: "Send anyway", exact: true })).click();
    const dialog = page.locator("dialog#send-anyway");
    await dialog.waitFor({ state: "visible" });
    const body = await text(dialog);
    const issue = check("zenlayer", { instanceId: "1", imageName: "x".repeat(25) }).issues[0];
    assert.ok(body.includes(issue.message) || body.includes(issue.code), `the dialog names the rule: ${body}`);
    await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    assert.equal(requests.filter((r) => isApiRequest("zenlayer", r.url, r.method)).length, 0, "Cancel sends nothing");

    await visible(page.getByRole("button", { name: "Send anyway", exact: true })).click();
    await dialog.getByRole("button", { name: "Send anyway", exact: true }).click();
    await page.locator("#result-error-code").waitFor({ state: "visible", timeout: 10_000 });
    assert.equal(await text(page.locator("#result-error-code")), "INVALID_PARAMETER");
    assert.equal(requests.filter((r) => isApiRequest("zenlayer", r.url, r.method)).length, 1);
    assert.equal((await emulatorState(url)).images.length, 0);
  });
}
