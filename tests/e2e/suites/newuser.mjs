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
  consoleTest("lost clicks: focus in Region, then a mouse click on a disk mapping source and Add disk mapping: each lands", async ({ page }) => {
    await selectProvider(page, "aliyun");
    const mappings = visible(page.getByRole("radio", { name: "Disk device mappings", exact: true }));
    await clickAt(page, mappings);
    await waitFor(() => mappings.isChecked(), "the mapping source chosen");
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

  consoleTest("order: under headings, the source first (Region, a visible choice of source), then name and description, then advanced; Tencent's Region in the form", async ({ page }) => {
    // The form's own inputs and headings, in document order (not the sandbox's lists under some fields).
    const order = (p) => page.locator(`#request-${p}`).evaluate((f) => [...f.querySelectorAll("input[id^=f-], select[id^=f-], textarea[id^=f-], h3")].filter((e) => !e.id.endsWith("-sandbox")).map((e) => e.id || e.textContent));
    await selectProvider(page, "aliyun");
    const aliyun = await order("aliyun");
    assert.deepEqual(aliyun.slice(0, 7), ["Where the image comes from", "f-aliyun-RegionId", "f-aliyun-InstanceId", "Name and description", "f-aliyun-ImageName", "f-aliyun-Description", "Advanced settings"]);
    assert.ok(aliyun.indexOf("f-aliyun-Architecture") > aliyun.indexOf("Advanced settings"), aliyun.join(" "));
    const choice = visible(page.getByRole("group", { name: "Make the image from" }));
    assert.deepEqual(await choice.getByRole("radio").evaluateAll((rs) => rs.map((r) => r.labels[0].textContent.trim())), ["Instance ID", "Disk device mappings", "Snapshot ID"]);
    await typeInto(page, field(page, "aliyun", "InstanceId"), "i-x");
    await clickAt(page, choice.getByRole("radio", { name: "Snapshot ID" }));
    await field(page, "aliyun", "SnapshotId").waitFor({ state: "visible" });
    assert.equal(await field(page, "aliyun", "InstanceId").count(), 0, "one source shown at a time");
    // Without a source, the error goes to the one shown, and the summary links there.
    await typeInto(page, field(page, "aliyun", "RegionId"), "cn-hangzhou");
    await page.keyboard.press("Enter");
    await visible(page.locator('#error-summary a[href="#f-aliyun-SnapshotId"]')).waitFor({ timeout: 2_000 });

    await selectProvider(page, "tencent");
    assert.equal(await field(page, "tencent", "Region").evaluate((e) => !!e.closest("#request-tencent")), true, "Region is a request field");
    assert.deepEqual((await order("tencent")).slice(0, 6), ["Where the image comes from", "f-tencent-Region", "f-tencent-instanceId", "Name and description", "f-tencent-imageName", "f-tencent-imageDescription"]);
    await selectProvider(page, "jdcloud");
    assert.deepEqual((await order("jdcloud")).slice(0, 6), ["Where the image comes from", "f-jdcloud-regionId", "f-jdcloud-instanceId", "Name and description", "f-jdcloud-name", "f-jdcloud-description"]);
    await clickAt(page, page.locator("#lang-toggle"));
    await waitFor(async () => (await page.getAttribute("html", "lang")) === "zh", "Chinese");
    assert.deepEqual((await order("jdcloud")).filter((x) => !x.startsWith("f-")), ["镜像来源", "名称与描述", "高级设置"]);
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

  consoleTest("sandbox: id fields offer the emulator's own with what each does; choosing a refused one from the keyboard shows the provider's refusal explained; any id can still be typed", async ({ page }) => {
    await selectProvider(page, "aliyun");
    const instance = field(page, "aliyun", "InstanceId");
    await clickAt(page, instance);
    const pick = page.locator("#f-aliyun-InstanceId-sandbox");
    await pick.waitFor({ state: "visible", timeout: 3_000 });
    const options = (await pick.locator("option").allTextContents()).map((t) => t.trim());
    assert.ok(options.includes("i-sandbox-stopped — Stopped, cn-hangzhou: makes an image"), options.join("\n"));
    assert.ok(options.includes("i-starting — Starting, cn-hangzhou: refused with IncorrectInstanceStatus"), options.join("\n"));
    const regions = (await page.locator("#f-aliyun-RegionId-sandbox option").allTextContents()).map((t) => t.trim());
    assert.ok(regions.includes("cn-hangzhou") && regions.includes("cn-qingdao"), regions.join(" "));
    await tabTo(page, instance, pick);
    await chooseWithKeys(page, pick, "i-starting");
    await waitFor(async () => (await instance.inputValue()) === "i-starting", "the instance filled in");
    assert.equal(await field(page, "aliyun", "RegionId").inputValue(), "cn-hangzhou", "its region too");
    await typeInto(page, field(page, "aliyun", "ImageName"), "web-01");
    await page.keyboard.press("Enter");
    await page.locator("#result-error-code").waitFor({ state: "visible", timeout: 10_000 });
    assert.equal(await text(page.locator("#result-error-code")), "IncorrectInstanceStatus");
    assert.ok((await text(page.locator("#result-meaning"))).length > 0, "the refusal explained");

    // Offered, not forced: an id of one's own is typed and sent as it is.
    await typeInto(page, instance, "i-nope");
    await page.keyboard.press("Enter");
    await waitFor(async () => (await text(page.locator("#result-error-code"))) === "InvalidInstanceId.NotFound", "the typed id sent", { timeout: 10_000 });

    // JD's data disk snapshot, which the README did not name, is offered too; Relay offers nothing.
    await selectProvider(page, "jdcloud");
    await clickAt(page, button(page, "Add data disk"));
    const snap = page.locator("#f-jdcloud-dataDisks-0-cloudDiskSpec-snapshotId-sandbox");
    await snap.waitFor({ state: "visible", timeout: 3_000 });
    assert.ok((await snap.locator("option").allTextContents()).some((t) => t.startsWith("snapshot-sandbox01 — cn-north-1")));
    await clickAt(page, visible(page.getByRole("radio", { name: "Relay", exact: true })));
    await snap.waitFor({ state: "detached", timeout: 2_000 });
  });

  consoleTest("JD data disks read from 1; a boolean can be sent as false; values have words beside them, in Chinese too", async ({ page, requests }) => {
    await selectProvider(page, "jdcloud");
    await clickAt(page, button(page, "Add data disk"));
    await visible(page.getByRole("group", { name: "Data disk 1" })).waitFor();
    await button(page, "Remove data disk 1").waitFor();
    const encrypt = field(page, "jdcloud", "dataDisks[0].cloudDiskSpec.encrypt");
    assert.deepEqual((await encrypt.locator("option").allTextContents()).map((t) => t.trim()), ["— not set —", "Yes (true)", "No (false)"]);
    const type = field(page, "jdcloud", "dataDisks[0].cloudDiskSpec.diskType");
    assert.ok((await type.locator("option").allTextContents()).includes("SSD cloud disk (ssd)"));
    await typeForm(page, "jdcloud", { ...VALID.jdcloud, "dataDisks[0].deviceName": "vdc", "dataDisks[0].cloudDiskSpec.diskSizeGB": "40" });
    await tabTo(page, field(page, "jdcloud", "dataDisks[0].cloudDiskSpec.description"), type);
    await chooseWithKeys(page, type, "SSD cloud disk");
    await tabTo(page, field(page, "jdcloud", "dataDisks[0].cloudDiskSpec.policyId"), encrypt);
    await chooseWithKeys(page, encrypt, "No (false)");
    await clickAt(page, button(page, "Create image"));
    await page.locator("#result-image-id").waitFor({ state: "visible", timeout: 10_000 });
    const r = requests.find((r) => isApiRequest("jdcloud", r.url, r.method));
    assert.equal(JSON.parse(r.postData).dataDisks[0].cloudDiskSpec.encrypt, false, "encrypt: false sent");
    assert.equal(JSON.parse(r.postData).dataDisks[0].cloudDiskSpec.diskType, "ssd", "the API value sent, not its word");

    await clickAt(page, page.locator("#lang-toggle"));
    await waitFor(async () => (await page.getAttribute("html", "lang")) === "zh", "Chinese");
    assert.deepEqual((await encrypt.locator("option").allTextContents()).map((t) => t.trim()), ["— 未设置 —", "是（true）", "否（false）"]);
    assert.ok((await type.locator("option").allTextContents()).includes("SSD 云硬盘（ssd）"));
  });

  consoleTest("words: fields named by their labels, no document of ours cited, a typed non-number said so; ⚠ on its message's line", async ({ page }) => {
    for (const lang of ["en", "zh"]) {
      if (lang === "zh") {
        await clickAt(page, page.locator("#lang-toggle"));
        await waitFor(async () => (await page.getAttribute("html", "lang")) === "zh", "Chinese");
      }
      for (const p of ["aliyun", "tencent3", "tencent", "jdcloud", "zenlayer"]) {
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
    await typeInto(page, field(page, "zenlayer", "imageName"), "web!01");
    const bad = page.locator("#f-zenlayer-imageName-error");
    await bad.waitFor({ state: "visible" });
    assert.match(await text(bad), /^Image name: character 4 \("!"\) is not allowed/);
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
