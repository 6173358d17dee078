// Tencent Cloud CVM API 3.0 in the console (issue 17), driven by real input only (the mouse pressed
// at the centre of an element's box, keys typed): the Tencent tab opens on API 3.0, the legacy API
// is a choice on it; snapshots as the source, a list of snapshot ids, a tag set with a tag inside;
// signed with TC3 in the browser and answered by the sandbox; a dry run explained from the catalog.
import assert from "node:assert/strict";
import { consoleTest } from "../lib/harness.mjs";
import { emulatorState, explain } from "../lib/server.mjs";
import { API, DISPLAY, visible, field, text, waitFor } from "../lib/console.mjs";
import { clickAt } from "./newuser.mjs";

const P = "tencent3";
const button = (page, name) => visible(page.getByRole("button", { name, exact: true }));
const radio = (page, name) => visible(page.getByRole("radio", { name, exact: true }));
const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? "");

/**
 * Click the Tencent tab with the mouse, then rest the pointer on the form until the sandbox's offers
 * are there (they appear under the id fields on the form's first use, moving what is below).
 */
async function openTencent(page) {
  await clickAt(page, page.getByRole("tab", { name: DISPLAY.tencent, exact: true }));
  const form = page.locator("#request-tencent3, #request-tencent").first();
  await form.waitFor({ state: "visible" });
  await form.locator("h3").first().hover();
  await form.locator('select[id$="-sandbox"]').first().waitFor({ state: "visible", timeout: 5_000 });
}

/** Click into a field and type `value`. */
async function typeInto(page, locator, value) {
  await clickAt(page, locator);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(String(value));
}

/** With the focus on a <select>, the arrow keys move to the option whose text starts with `option`. */
async function chooseFocused(page, select, option) {
  await waitFor(async () => select.evaluate((s) => s === document.activeElement), "the select focused", { timeout: 1_000 });
  const texts = await select.locator("option").allTextContents();
  const at = texts.findIndex((t) => t.trim().startsWith(option));
  assert.ok(at >= 0, `"${option}" among ${JSON.stringify(texts)}`);
  const now = await select.evaluate((s) => s.selectedIndex);
  for (let i = 0; i < Math.abs(at - now); i++) await page.keyboard.press(at > now ? "ArrowDown" : "ArrowUp");
  await waitFor(async () => (await select.evaluate((s) => s.selectedIndex)) === at, `"${option}" chosen`, { timeout: 1_000 });
}

/** Tab from the focused element until `target` has the focus. */
async function tabTo(page, target) {
  const id = await target.getAttribute("id");
  for (let i = 0; i < 12 && (await focusedId(page)) !== id; i++) await page.keyboard.press("Tab");
  assert.equal(await focusedId(page), id, `Tab reached #${id}`);
}

export default function tencent3() {
  consoleTest("tencent3: one Tencent tab, API 3.0 chosen by default, the legacy API one choice away; each keeps its own form", async ({ page }) => {
    assert.equal(await page.getByRole("tab", { name: /Tencent/ }).count(), 1, "one Tencent tab");
    await openTencent(page);
    assert.equal(await radio(page, API.tencent3).isChecked(), true, "API 3.0 is the default");
    assert.equal(await radio(page, API.tencent).isChecked(), false);
    await visible(field(page, P, "ImageName")).waitFor();
    await typeInto(page, field(page, P, "ImageName"), "three-oh");
    assert.equal(await field(page, P, "ImageName").inputValue(), "three-oh");
    await clickAt(page, radio(page, API.tencent));
    await visible(field(page, "tencent", "imageName")).waitFor();
    assert.equal(await page.locator(`#request-${P}`).count(), 0, "the 3.0 form gave way to the legacy one");
    assert.equal(await page.getByRole("tab", { name: DISPLAY.tencent, exact: true }).getAttribute("aria-selected"), "true");
    await typeInto(page, field(page, "tencent", "imageName"), "legacy");
    // Another tab and back: the API last chosen, and each form as it was left.
    await clickAt(page, page.getByRole("tab", { name: DISPLAY.zenlayer, exact: true }));
    await openTencent(page);
    assert.equal(await field(page, "tencent", "imageName").inputValue(), "legacy");
    await clickAt(page, radio(page, API.tencent3));
    await visible(field(page, P, "ImageName")).waitFor();
    assert.equal(await field(page, P, "ImageName").inputValue(), "three-oh");
  });

  consoleTest("tencent3: from two snapshots with a tag set and a tag, signed with TC3 in the browser, the sandbox makes the image", async ({ page, url }) => {
    await openTencent(page);
    assert.equal(await radio(page, API.tencent3).isChecked(), true);
    await clickAt(page, radio(page, "Snapshot IDs"));
    await button(page, "Add snapshot ID").waitFor();
    assert.equal(await visible(page.getByText("Data disk IDs")).count(), 0, "data disks go with an instance only");
    for (const [i, id] of ["snap-sbsys001", "snap-sbdat001"].entries()) {
      await clickAt(page, button(page, "Add snapshot ID"));
      const input = field(page, P, `SnapshotIds[${i}]`);
      await waitFor(async () => (await focusedId(page)) === (await input.getAttribute("id")), `snapshot ${i + 1} focused`, { timeout: 2_000 });
      await page.keyboard.type(id);
    }
    await typeInto(page, field(page, P, "ImageName"), "web-01");
    await clickAt(page, button(page, "Add tag set"));
    const type = field(page, P, "TagSpecification[0].ResourceType");
    await chooseFocused(page, type, "image");
    await clickAt(page, button(page, "Add tag"));
    const key = field(page, P, "TagSpecification[0].Tags[0].Key");
    await waitFor(async () => (await focusedId(page)) === (await key.getAttribute("id")), "the new tag's key focused", { timeout: 2_000 });
    await page.keyboard.type("team");
    await typeInto(page, field(page, P, "TagSpecification[0].Tags[0].Value"), "web");
    assert.equal(await visible(page.locator(`#request-${P} .field-error`)).count(), 0, "no field error");

    const sent = page.waitForRequest((r) => new URL(r.url()).pathname === "/" && r.method() === "POST");
    await clickAt(page, button(page, "Create image"));
    const request = await sent;
    assert.match(request.headers()["authorization"] ?? "", /^TC3-HMAC-SHA256 Credential=AKID/, "signed with TC3");
    assert.equal(request.headers()["x-tc-action"], "CreateImage");
    assert.deepEqual(request.postDataJSON(), {
      ImageName: "web-01",
      SnapshotIds: ["snap-sbsys001", "snap-sbdat001"],
      TagSpecification: [{ ResourceType: "image", Tags: [{ Key: "team", Value: "web" }] }],
    });
    await page.locator("#result-image-id").waitFor({ state: "visible", timeout: 10_000 });
    const images = (await emulatorState(url)).images.filter((i) => i.provider === P);
    assert.equal(images.length, 1, "the sandbox made one image");
    assert.equal(images[0].name, "web-01");
    assert.equal(await text(page.locator("#result-image-id")), images[0].imageId);
  });

  consoleTest("tencent3: a dry run is answered DryRunOperation, explained from the 3.0 catalog in English and Chinese", async ({ page, url }) => {
    const row = explain(P, "DryRunOperation").entries[0];
    await openTencent(page);
    await typeInto(page, field(page, P, "InstanceId"), "ins-sandbox1");
    await typeInto(page, field(page, P, "ImageName"), "img");
    const dry = field(page, P, "DryRun");
    await tabTo(page, dry);
    await chooseFocused(page, dry, "Yes");
    await clickAt(page, button(page, "Create image"));
    await page.locator("#result-error-code").waitFor({ state: "visible", timeout: 10_000 });
    assert.equal(await text(page.locator("#result-error-code")), "DryRunOperation");
    assert.ok((await text(page.locator("#result-meaning"))).includes(row.meaning.en), `the catalog's meaning: "${row.meaning.en}"`);
    await clickAt(page, page.locator("#lang-toggle"));
    await waitFor(async () => (await text(page.locator("#result-meaning"))).includes(row.meaning.zh), `in Chinese: "${row.meaning.zh}"`, { timeout: 2_000 });
    assert.equal((await emulatorState(url)).images.length, 0, "a dry run makes nothing");
  });

  consoleTest("tencent3: a 61-character name shows its error while typing, and it goes at 60", async ({ page }) => {
    await openTencent(page);
    const name = field(page, P, "ImageName");
    await typeInto(page, name, "x".repeat(61));
    const error = page.locator(`#${await name.getAttribute("id")}-error`);
    await error.waitFor({ state: "visible", timeout: 2_000 });
    assert.match(await text(error), /60/);
    assert.equal(await name.getAttribute("aria-invalid"), "true");
    assert.equal(await text(page.locator(`#${await name.getAttribute("id")}-count`)), "61 / 60");
    await page.keyboard.press("Backspace");
    await waitFor(async () => (await error.count()) === 0, "the error gone at 60", { timeout: 2_000 });
  });

  consoleTest("tencent3: a 61-character name sent anyway is refused by the sandbox, explained from the 3.0 catalog", async ({ page, url }) => {
    const code = "InvalidParameter.ValueTooLarge";
    const row = explain(P, code).entries[0];
    await openTencent(page);
    await typeInto(page, field(page, P, "InstanceId"), "ins-sandbox1");
    await typeInto(page, field(page, P, "ImageName"), "x".repeat(61));
    await clickAt(page, button(page, "Send anyway"));
    const dialog = page.locator("dialog#send-anyway");
    await dialog.waitFor({ state: "visible" });
    await clickAt(page, dialog.getByRole("button", { name: "Send anyway", exact: true }));
    await page.locator("#result-error-code").waitFor({ state: "visible", timeout: 10_000 });
    assert.equal(await text(page.locator("#result-error-code")), code);
    assert.ok((await text(page.locator("#result-meaning"))).includes(row.meaning.en), `the catalog's meaning: "${row.meaning.en}"`);
    assert.equal((await emulatorState(url)).images.length, 0);
  });
}
