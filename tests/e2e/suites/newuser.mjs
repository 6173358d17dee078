// The console as a new user meets it (issue 14), driven by real input only: the mouse pressed and
// released at the centre of an element's box (`page.mouse.click`), keys typed and pressed
// (`page.keyboard`). No `element.click()`, no dispatched events: a click that a layout shift makes
// land elsewhere is lost here as it is for a person.
import assert from "node:assert/strict";
import { consoleTest } from "../lib/harness.mjs";
import { emulatorState } from "../lib/server.mjs";
import { VALID, selectProvider, visible, field, text, waitFor } from "../lib/console.mjs";
import { isApiRequest, sandboxKey } from "./submit.mjs";

/** Press and release the mouse at the centre of `locator`'s box, as a person aims: where it is now. */
export async function clickAt(page, locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  assert.ok(box, "the element has a box");
  // A person's click takes a moment between press and release: what moves meanwhile is missed.
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { delay: 60 });
}

/** Click into a text field and type `value` (after selecting what is there). */
async function typeInto(page, locator, value) {
  await clickAt(page, locator);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(String(value));
}

async function typeForm(page, provider, values) {
  for (const [path, value] of Object.entries(values)) await typeInto(page, field(page, provider, path), value);
}

const button = (page, name) => visible(page.getByRole("button", { name, exact: true }));
const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? "");

/** Chooses `option` (its visible text starts with it) in the <select> `locator` from the keyboard. */
async function chooseWithKeys(page, locator, option) {
  const texts = await locator.locator("option").allTextContents();
  const at = texts.findIndex((t) => t.trim().startsWith(option));
  assert.ok(at >= 0, `"${option}" among ${JSON.stringify(texts)}`);
  const now = await locator.evaluate((s) => s.selectedIndex);
  await waitFor(async () => (await locator.evaluate((s) => s === document.activeElement)), "the select focused", { timeout: 1_000 });
  const key = at > now ? "ArrowDown" : "ArrowUp";
  for (let i = 0; i < Math.abs(at - now); i++) await page.keyboard.press(key);
  await waitFor(async () => (await locator.evaluate((s) => s.selectedIndex)) === at, `"${option}" chosen`, { timeout: 1_000 });
}

/** Focus a <select> from the keyboard: click the text field before it, then Tab until it has the focus. */
async function tabTo(page, from, target) {
  await clickAt(page, from);
  const id = await target.getAttribute("id");
  for (let i = 0; i < 8 && (await focusedId(page)) !== id; i++) await page.keyboard.press("Tab");
  assert.equal(await focusedId(page), id, `Tab reached #${id}`);
}

export default function newuser() {
  consoleTest("lost clicks: focus in Region, then a mouse click on Add disk mapping: the mapping is added", async ({ page }) => {
    await selectProvider(page, "aliyun");
    // Region is required and empty: the press that leaves it shows its error above the button.
    await clickAt(page, field(page, "aliyun", "RegionId"));
    await clickAt(page, button(page, "Add disk mapping"));
    await field(page, "aliyun", "DiskDeviceMapping.1.Device").waitFor({ state: "visible", timeout: 2_000 });
    await page.locator("#f-aliyun-RegionId-error").waitFor({ state: "visible", timeout: 2_000 });
    assert.equal(await visible(page.getByRole("group", { name: /^Disk mapping 1$/ })).count(), 1, "one mapping");
  });

  consoleTest("lost clicks: Add tag clicked 24 times with the mouse gives the 20 tags Alibaba allows, then says it is full", async ({ page }) => {
    await selectProvider(page, "aliyun");
    await clickAt(page, field(page, "aliyun", "RegionId"));
    for (let i = 1; i <= 24; i++) {
      await clickAt(page, button(page, "Add tag"));
      // Each new tag takes the focus; the next click leaves it empty, which shows its error.
      if (i <= 20) await field(page, "aliyun", `Tag.${i}.Key`).waitFor({ state: "visible", timeout: 2_000 });
    }
    assert.equal(await page.locator('[id^="f-aliyun-Tag-"][id$="-Key"]').count(), 20, "20 tags: every click until the list is full");
    assert.equal(await button(page, "Add tag").isDisabled(), true);
    await visible(page.getByText("The most this list takes.")).waitFor();
  });

  consoleTest("keys belong to an endpoint: a key typed for Relay is not sent to the sandbox", async ({ page, keys, requests }) => {
    await selectProvider(page, "zenlayer");
    const keyId = visible(page.getByLabel("Access key ID", { exact: true }));
    const secret = visible(page.getByLabel("Access key secret", { exact: true }));
    await clickAt(page, visible(page.getByRole("radio", { name: "Relay", exact: true })));
    assert.equal(await keyId.inputValue(), "", "Relay starts with no key");
    await typeInto(page, keyId, "MYREALKEY");
    await typeInto(page, secret, "my-real-secret");
    await clickAt(page, visible(page.getByRole("radio", { name: "Sandbox", exact: true })));
    const sandbox = sandboxKey(keys, "zenlayer");
    assert.equal(await keyId.inputValue(), sandbox.id, "the sandbox's own key is back");
    assert.equal(await secret.inputValue(), sandbox.secret);
    assert.equal(await visible(page.getByRole("checkbox", { name: /Remember on this device/ })).count(), 0, "nothing to remember in the sandbox");
    await typeForm(page, "zenlayer", VALID.zenlayer);
    await page.keyboard.press("Enter");
    await page.locator("#result-image-id").waitFor({ state: "visible", timeout: 10_000 });
    const sent = requests.filter((r) => isApiRequest("zenlayer", r.url, r.method));
    assert.equal(sent.length, 1);
    assert.ok(!JSON.stringify(sent).includes("MYREALKEY"), "the typed key never went to the emulator");
    await clickAt(page, visible(page.getByRole("radio", { name: "Relay", exact: true })));
    assert.equal(await keyId.inputValue(), "MYREALKEY", "Relay keeps its own key");
  });

  consoleTest("empty form: Create image is the one button; Send anyway and its note come once errors were seen", async ({ page }) => {
    await selectProvider(page, "zenlayer");
    const create = button(page, "Create image");
    assert.equal(await create.evaluate((b) => b.classList.contains("looks-disabled")), false, "Create image looks pressable");
    assert.equal(await button(page, "Send anyway").count(), 0, "no override before any error is seen");
    assert.equal(await page.locator("#send-hint").count(), 0, "no 'fix the errors' note while none is shown");
    await typeInto(page, field(page, "zenlayer", "imageName"), "x".repeat(25));
    await page.keyboard.press("Tab");
    await page.locator("#f-zenlayer-imageName-error").waitFor({ state: "visible" });
    await button(page, "Send anyway").waitFor({ timeout: 2_000 });
    assert.match(await text(page.locator("#send-hint")), /Fix the errors shown in the form/);
  });

  consoleTest("order: the source first (region, then Alibaba's three sources side by side), then name and description, then the rest; Tencent's Region in the form", async ({ page }) => {
    const ids = (p) => page.locator(`#request-${p}`).evaluate((f, p) => [...f.querySelectorAll(`input[id^=f-${p}-], select[id^=f-${p}-], textarea[id^=f-${p}-], fieldset[id^=f-${p}-]`)].map((e) => e.id), p);
    await selectProvider(page, "aliyun");
    assert.deepEqual((await ids("aliyun")).slice(0, 6), ["f-aliyun-RegionId", "f-aliyun-InstanceId", "f-aliyun-DiskDeviceMapping", "f-aliyun-SnapshotId", "f-aliyun-ImageName", "f-aliyun-Description"]);
    await selectProvider(page, "tencent");
    assert.equal(await field(page, "tencent", "Region").evaluate((e) => !!e.closest("#request-tencent")), true, "Region is a request field");
    assert.deepEqual((await ids("tencent")).slice(0, 4), ["f-tencent-Region", "f-tencent-instanceId", "f-tencent-imageName", "f-tencent-imageDescription"]);
    await selectProvider(page, "jdcloud");
    assert.deepEqual((await ids("jdcloud")).slice(0, 4), ["f-jdcloud-regionId", "f-jdcloud-instanceId", "f-jdcloud-name", "f-jdcloud-description"]);
  });

  consoleTest("after a submit: the focus moves to the answer, which is in view (1280×900) and read once", async ({ page }) => {
    await selectProvider(page, "zenlayer");
    await typeForm(page, "zenlayer", VALID.zenlayer);
    await page.keyboard.press("Enter");
    await page.locator("#result-image-id").waitFor({ state: "visible", timeout: 10_000 });
    await waitFor(() => page.evaluate(() => document.activeElement?.matches("#result .lead")), "focus on the answer's first line", { timeout: 2_000 });
    assert.equal(await text(page.locator("#result .lead")), "Image creation accepted.");
    const box = await page.locator("#result").boundingBox();
    assert.ok(box.y >= 0 && box.y + 60 <= 900, `the answer's top is in view: y=${box.y}`);
    assert.equal(await page.locator("#result").getAttribute("aria-live"), null, "not also a live region: announced once, by the focus");
  });

  consoleTest("JD data disks read from 1; a boolean can be sent as false (not set / true / false)", async ({ page, requests }) => {
    await selectProvider(page, "jdcloud");
    await clickAt(page, button(page, "Add data disk"));
    await visible(page.getByRole("group", { name: "Data disk 1" })).waitFor();
    await button(page, "Remove data disk 1").waitFor();
    const encrypt = field(page, "jdcloud", "dataDisks[0].cloudDiskSpec.encrypt");
    assert.deepEqual((await encrypt.locator("option").allTextContents()).map((t) => t.trim()), ["— not set —", "true", "false"]);
    const type = field(page, "jdcloud", "dataDisks[0].cloudDiskSpec.diskType");
    await typeForm(page, "jdcloud", { ...VALID.jdcloud, "dataDisks[0].deviceName": "vdc", "dataDisks[0].cloudDiskSpec.diskSizeGB": "40" });
    await tabTo(page, field(page, "jdcloud", "dataDisks[0].cloudDiskSpec.description"), type);
    await chooseWithKeys(page, type, "ssd");
    await tabTo(page, field(page, "jdcloud", "dataDisks[0].cloudDiskSpec.policyId"), encrypt);
    await chooseWithKeys(page, encrypt, "false");
    await clickAt(page, button(page, "Create image"));
    await page.locator("#result-image-id").waitFor({ state: "visible", timeout: 10_000 });
    const r = requests.find((r) => isApiRequest("jdcloud", r.url, r.method));
    assert.equal(JSON.parse(r.postData).dataDisks[0].cloudDiskSpec.encrypt, false, "encrypt: false sent");
  });

  consoleTest("words: fields named by their labels, no document of ours cited, a typed non-number said so; ⚠ on its message's line", async ({ page }) => {
    for (const lang of ["en", "zh"]) {
      if (lang === "zh") {
        await clickAt(page, page.locator("#lang-toggle"));
        await waitFor(async () => (await page.getAttribute("html", "lang")) === "zh", "Chinese");
      }
      for (const p of ["aliyun", "tencent", "jdcloud", "zenlayer"]) {
        await selectProvider(page, p);
        const body = await page.locator("body").innerText();
        for (const w of ["providers.md", "seed", "Path parameter", "common parameter", "路径参数", "公共参数"]) {
          assert.ok(!body.includes(w), `${lang} ${p}: "${w}" on the page`);
        }
      }
    }
    await clickAt(page, page.locator("#lang-toggle"));
    await waitFor(async () => (await page.getAttribute("html", "lang")) === "en", "English");
    await selectProvider(page, "jdcloud");
    await clickAt(page, button(page, "Add data disk"));
    await typeInto(page, field(page, "jdcloud", "dataDisks[0].cloudDiskSpec.diskSizeGB"), "40.5");
    await page.keyboard.press("Tab");
    const error = page.locator("#f-jdcloud-dataDisks-0-cloudDiskSpec-diskSizeGB-error");
    await error.waitFor({ state: "visible" });
    assert.equal(await text(error), "Size (GiB) must be a whole number, digits only.");
    await clickAt(page, button(page, "Create image"));
    const summary = await text(page.locator("#error-summary"));
    assert.ok(!/dataDisks\[|cloudDiskSpec|a string/.test(summary), summary);

    await selectProvider(page, "zenlayer");
    await typeInto(page, field(page, "zenlayer", "imageName"), "web.01");
    const warning = page.locator("#f-zenlayer-imageName-warning");
    await warning.waitFor({ state: "visible" });
    const lines = await warning.evaluate((w) => {
      const line = w.querySelector(".note-line");
      return { before: getComputedStyle(line, "::before").content, ownLine: getComputedStyle(w, "::before").content };
    });
    assert.equal(lines.before, '"⚠ "', "the icon starts the message's line");
    assert.equal(lines.ownLine, "none", "no icon on a line of its own");
  });

  consoleTest("history: Tencent's image id once the sandbox finds it; times in the page's language, unambiguous", async ({ page, url }) => {
    await selectProvider(page, "tencent");
    await typeForm(page, "tencent", VALID.tencent);
    await page.keyboard.press("Enter");
    await page.locator("#result-request-id").waitFor({ state: "visible", timeout: 10_000 });
    await waitFor(async () => (await text(page.locator("#result-image-id"))) !== "", "the image id found by request id", { timeout: 5_000 });
    const imageId = await text(page.locator("#result-image-id"));
    assert.equal(imageId, (await emulatorState(url)).images[0].imageId);
    const row = page.locator("tr.history-row").first();
    await waitFor(async () => (await text(row.locator("td").nth(4))) === imageId, "the history's image id", { timeout: 3_000 });
    assert.match(await text(row.locator("td").first()), /^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}, \d\d:\d\d:\d\d$/);
    await clickAt(page, page.locator("#lang-toggle"));
    await waitFor(async () => /^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d:\d\d$/.test(await text(row.locator("td").first())), "the time in Chinese");
  });

  consoleTest("network failure: says the server at that address could not be reached and what to check", async ({ page, messages }) => {
    await selectProvider(page, "zenlayer");
    await page.route("**/api/v2/vm", (route) => route.abort("connectionrefused"));
    await typeForm(page, "zenlayer", VALID.zenlayer);
    await page.keyboard.press("Enter");
    const lead = page.locator("#result-message");
    await lead.waitFor({ state: "visible", timeout: 10_000 });
    const host = new URL(page.url()).host;
    assert.equal(await text(lead), `The server at ${host} could not be reached.`);
    assert.match(await text(page.locator("#result")), /Check that createimage serve is still running there/);
    // Chromium logs the refused connection itself; that line is this test's doing.
    for (let i = messages.length - 1; i >= 0; i--) if (/ERR_CONNECTION_REFUSED|net::ERR_FAILED/.test(messages[i].text)) messages.splice(i, 1);
  });
}
