// A valid form in Sandbox mode creates an image in the emulator; the console follows its status.
import assert from "node:assert/strict";
import { consoleTest } from "../lib/harness.mjs";
import { emulatorState, check } from "../lib/server.mjs";
import { PROVIDERS, TAB, VALID, validRequest, selectProvider, fillForm, createButton, visible, text, waitFor } from "../lib/console.mjs";

/** The sandbox account's key pair as the server printed it. */
export function sandboxKey(keys, p) {
  // Tencent's two APIs share one account (and one tab): the server prints its keys under `tencent`.
  const of = keys[p] ?? keys[TAB[p]];
  const k = of?.find((k) => k.account === "sandbox account") ?? of?.[0];
  assert.ok(k, `createimage serve printed no sandbox key for ${p}`);
  return k;
}

/**
 * A provider's CreateImage request to the emulator (README, `createimage serve`); Alibaba's is `/` with
 * `Action` in the query (GET) or in a form body (POST).
 */
export function isApiRequest(p, url, method = "GET") {
  const u = new URL(url);
  switch (p) {
    case "aliyun":
      return u.pathname === "/" && (u.searchParams.get("Action") === "CreateImage" || method === "POST");
    case "tencent":
      return u.pathname === "/v2/index.php";
    case "tencent3":
      return u.pathname === "/" && method === "POST";
    case "jdcloud":
      return /^\/v1\/regions\/[^/]+\/instances\/[^/]+:createImage$/.test(u.pathname);
    case "zenlayer":
      return u.pathname === "/api/v2/vm";
  }
  return false;
}

export default function submit() {
  for (const p of PROVIDERS) {
    consoleTest(
      `${p}: a valid form in Sandbox gets ${p === "tencent" ? "a requestId (legacy API) and" : "an imageId and"} the image followed until available`,
      async ({ page, url, keys, requests }) => {
        assert.equal(check(p, validRequest(p)).valid, true, "the test's request is valid for the validator");
        await selectProvider(page, p);
        // Sandbox is the default endpoint and fills in the sandbox keys.
        assert.equal(await visible(page.getByRole("radio", { name: "Sandbox", exact: true })).isChecked(), true, "Sandbox is the default");
        const key = sandboxKey(keys, p);
        assert.equal(await visible(page.getByLabel("Access key ID", { exact: true })).inputValue(), key.id);
        assert.equal(await visible(page.getByLabel("Access key secret", { exact: true })).inputValue(), key.secret);
        assert.equal(await visible(page.getByLabel("Access key secret", { exact: true })).getAttribute("type"), "password");
        if (p === "tencent" || p === "tencent3") assert.equal(await visible(page.getByLabel("Region", { exact: true })).inputValue(), "ap-guangzhou");

        await fillForm(page, p, VALID[p]);
        assert.equal(await visible(page.locator(".field-error")).count(), 0, "no field error on a valid form");
        await createButton(page).click();

        const idSel = p === "tencent" ? "#result-request-id" : "#result-image-id";
        await page.locator(idSel).waitFor({ state: "visible", timeout: 10_000 });
        assert.equal(requests.filter((r) => isApiRequest(p, r.url, r.method)).length, 1, "one CreateImage request");
        const state = await emulatorState(url);
        const images = state.images.filter((i) => i.provider === p);
        assert.equal(images.length, 1, `the emulator has the image: ${JSON.stringify(state.images)}`);
        const [image] = images;
        assert.equal(image.name, VALID[p].ImageName ?? VALID[p].imageName ?? VALID[p].name);
        if (p !== "tencent") assert.equal(await text(page.locator("#result-image-id")), image.imageId);
        assert.equal(await text(page.locator("#result-request-id")), String(image.requestId));
        assert.ok((await visible(page.locator("#result").getByRole("button", { name: /Copy/ })).count()) >= 1, "Copy button(s)");

        // Followed until available: the status word of the provider, then the progress bar goes.
        await page.locator("#image-status").waitFor({ state: "visible" });
        await waitFor(async () => (await page.locator("#image-progress").count()) === 0, "#image-progress gone", { timeout: 12_000 });
        const after = (await emulatorState(url)).images.find((i) => i.imageId === image.imageId);
        assert.ok(after.availableMs <= (await emulatorState(url)).nowMs, "the emulator says the image is available");
        assert.equal(await text(page.locator("#image-status")), after.status, "the final status word");
      },
      { timeout: 40_000 },
    );
  }

  consoleTest("submit: while sending, the button is disabled and reads Creating…; no double submit", async ({ page, url, requests }) => {
    await selectProvider(page, "zenlayer");
    await fillForm(page, "zenlayer", VALID.zenlayer);
    let release;
    const held = new Promise((r) => (release = r));
    await page.route("**/api/v2/vm", async (route) => {
      await held;
      await route.continue();
    });
    const button = createButton(page);
    await button.click();
    const sending = visible(page.getByRole("button", { name: "Creating…", exact: true }));
    await sending.waitFor({ timeout: 3_000 });
    assert.equal(await sending.isDisabled(), true, "disabled while sending");
    await sending.click({ force: true, timeout: 1_000 }).catch(() => {});
    await page.locator("#f-zenlayer-imageName").press("Enter");
    release();
    await page.locator("#result-image-id").waitFor({ state: "visible", timeout: 10_000 });
    await page.waitForTimeout(300);
    assert.equal(requests.filter((r) => isApiRequest("zenlayer", r.url, r.method)).length, 1, "one request sent");
    assert.equal((await emulatorState(url)).images.length, 1, "one image created");
    await waitFor(async () => (await createButton(page).count()) === 1 && !(await createButton(page).isDisabled()), "Create image again");
  });
}
