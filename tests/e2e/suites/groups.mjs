// Repeatable groups: Alibaba tags (1-based ids), JD data disks (0-based) with the nested cloudDiskSpec;
// added, removed, filled and sent.
import assert from "node:assert/strict";
import { consoleTest } from "../lib/harness.mjs";
import { emulatorState } from "../lib/server.mjs";
import { selectProvider, fillForm, createButton, visible, field, VALID } from "../lib/console.mjs";
import { isApiRequest } from "./submit.mjs";

/** The parameters of the request sent: query + form body (Alibaba), or the JSON body. */
function sent(requests, p) {
  const r = requests.find((r) => isApiRequest(p, r.url, r.method));
  assert.ok(r, `a ${p} CreateImage request`);
  return r;
}

export default function groups() {
  consoleTest("groups: Alibaba Add tag / Remove tag N, numbered from 1 (f-aliyun-Tag-1-Key), sent as Tag.1.Key", async ({ page, url, requests }) => {
    await selectProvider(page, "aliyun");
    const add = visible(page.getByRole("button", { name: "Add tag", exact: true }));
    await add.click();
    await field(page, "aliyun", "Tag.1.Key").waitFor({ state: "visible" });
    await field(page, "aliyun", "Tag.1.Value").waitFor({ state: "visible" });
    // Tag 1 filled before another is added (a console may refuse to add after an empty item).
    await fillForm(page, "aliyun", { "Tag.1.Key": "env", "Tag.1.Value": "prod" });
    await add.click();
    await field(page, "aliyun", "Tag.2.Key").waitFor({ state: "visible" });
    await visible(page.getByRole("button", { name: "Remove tag 2", exact: true })).click();
    await field(page, "aliyun", "Tag.2.Key").waitFor({ state: "detached" });
    assert.equal(await field(page, "aliyun", "Tag.1.Key").count(), 1, "tag 1 kept");
    assert.equal(await field(page, "aliyun", "Tag.1.Key").inputValue(), "env", "tag 1 keeps its value");
    await fillForm(page, "aliyun", VALID.aliyun);
    await createButton(page).click();
    await page.locator("#result-image-id").waitFor({ state: "visible", timeout: 10_000 });
    const r = sent(requests, "aliyun");
    const params = new URLSearchParams(r.method === "GET" ? new URL(r.url).search : r.postData);
    assert.equal(params.get("Tag.1.Key"), "env");
    assert.equal(params.get("Tag.1.Value"), "prod");
    assert.equal(params.has("Tag.2.Key"), false, "the removed tag is not sent");
    assert.equal((await emulatorState(url)).images.length, 1);
  });

  consoleTest("groups: JD Add data disk, numbered from 0 (f-jdcloud-dataDisks-0-cloudDiskSpec-diskSizeGB), sent as dataDisks[0]", async ({ page, url, requests }) => {
    await selectProvider(page, "jdcloud");
    await visible(page.getByRole("button", { name: "Add data disk", exact: true })).click();
    for (const path of ["dataDisks[0].deviceName", "dataDisks[0].cloudDiskSpec.diskType", "dataDisks[0].cloudDiskSpec.diskSizeGB"]) {
      await field(page, "jdcloud", path).waitFor({ state: "visible" });
    }
    assert.equal(await field(page, "jdcloud", "dataDisks[0].cloudDiskSpec.diskType").evaluate((e) => e.tagName), "SELECT", "an enumeration is a <select>");
    const size = field(page, "jdcloud", "dataDisks[0].cloudDiskSpec.diskSizeGB");
    assert.deepEqual([await size.getAttribute("inputmode"), await size.getAttribute("spellcheck")], ["numeric", null], "an integer: numeric keyboard");
    const device = field(page, "jdcloud", "dataDisks[0].deviceName");
    assert.deepEqual([await device.getAttribute("inputmode"), await device.getAttribute("spellcheck")], [null, "false"], "text: no spell-check");
    // Issue 14: a boolean is a <select> of not set / true / false (an unticked box could not send false).
    assert.equal(await field(page, "jdcloud", "dataDisks[0].noDevice").evaluate((e) => e.tagName), "SELECT", "a boolean is a <select>");
    await fillForm(page, "jdcloud", {
      ...VALID.jdcloud,
      "dataDisks[0].deviceName": "vdc",
      "dataDisks[0].cloudDiskSpec.diskType": "ssd",
      "dataDisks[0].cloudDiskSpec.diskSizeGB": "40",
    });
    await createButton(page).click();
    await page.locator("#result-image-id").waitFor({ state: "visible", timeout: 10_000 });
    const body = JSON.parse(sent(requests, "jdcloud").postData);
    const disks = body.dataDisks ?? body.DataDisks;
    assert.equal(disks?.length, 1, `one data disk sent: ${JSON.stringify(body)}`);
    assert.equal(disks[0].deviceName, "vdc");
    assert.deepEqual([disks[0].cloudDiskSpec?.diskType, disks[0].cloudDiskSpec?.diskSizeGB], ["ssd", 40], "diskSizeGB sent as a number");
    assert.equal((await emulatorState(url)).images.length, 1);

    await visible(page.getByRole("button", { name: /^Remove data disk/ })).first().click();
    await field(page, "jdcloud", "dataDisks[0].deviceName").waitFor({ state: "detached" });
  });
}
