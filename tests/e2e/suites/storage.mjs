// What survives a reload (history, draft) and what must never be stored or shown (the secret).
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { consoleTest } from "../lib/harness.mjs";
import { emulatorState } from "../lib/server.mjs";
import { selectProvider, fillForm, createButton, visible, text, waitFor, localStorageDump, field, VALID, waitMounted } from "../lib/console.mjs";
import { sandboxKey } from "./submit.mjs";

const HISTORY = "createimage.history.v1";
const DRAFT = "createimage.draft.v1";
const CREDENTIALS = "createimage.credentials.v1";

const rows = (page) => page.locator("#history tr.history-row");
const secretField = (page) => visible(page.getByLabel("Access key secret", { exact: true }));
const rememberBox = (page) => visible(page.getByRole("checkbox", { name: /Remember on this device/ }));

async function reloadConsole(page) {
  await page.reload();
  await waitMounted(page);
}

/** Type a new secret key by key (each keystroke is a chance to store it somewhere). */
async function typeSecret(page, secret) {
  const input = secretField(page);
  await input.fill("");
  await input.pressSequentially(secret);
  assert.equal(await input.inputValue(), secret);
}

/** The text of the first element matching `selector`, "" when there is none (no waiting). */
const textOf = (page, selector) => page.evaluate((s) => document.querySelector(s)?.textContent ?? "", selector);

/** Everywhere a secret must not be, as [place, text] pairs. */
async function placesToSearch(session) {
  const { page, messages, requests, serverLog } = session;
  const local = await localStorageDump(page);
  const places = [
    ["localStorage", local.join("\n")],
    ["sessionStorage", (await page.evaluate(() => Object.keys(sessionStorage).map((k) => `${k}=${sessionStorage.getItem(k)}`))).join("\n")],
    ["document.cookie", await page.evaluate(() => document.cookie)],
    ["the page URL", page.url()],
    ["request URLs", requests.map((r) => r.url).join("\n")],
    ["the history panel", await textOf(page, "#history")],
    ["console messages", messages.map((m) => m.text).join("\n")],
    ["#preview-request", await textOf(page, "#preview-request")],
    ["#preview-curl", await textOf(page, "#preview-curl")],
    ["the server log", serverLog()],
  ];
  return places;
}

async function assertNowhere(session, secrets, except = []) {
  for (const [place, content] of await placesToSearch(session)) {
    if (except.includes(place)) continue;
    for (const s of secrets) assert.ok(!(content ?? "").includes(s), `the secret ${JSON.stringify(s)} is in ${place}`);
  }
}

export default function storage() {
  consoleTest("history: every submission in #history and local storage, surviving a reload; Clear history empties it", async ({ page, url }) => {
    await selectProvider(page, "zenlayer");
    await fillForm(page, "zenlayer", VALID.zenlayer);
    await createButton(page).click();
    await page.locator("#result-image-id").waitFor({ state: "visible", timeout: 10_000 });
    const imageId = await text(page.locator("#result-image-id"));
    const requestId = await text(page.locator("#result-request-id"));
    await waitFor(async () => (await rows(page).count()) === 1, "one history row");
    const first = await text(rows(page).first());
    assert.ok(first.includes(imageId) && first.includes(requestId), `the row names the image and request: ${first}`);
    assert.match(first, /zenlayer/i, "the row names the provider");
    assert.match(first, /sandbox/i, "the row names the endpoint");

    // An error is kept too, with its code.
    await fillForm(page, "zenlayer", { instanceId: "100000000008" });
    await createButton(page).click();
    await page.locator("#result-error-code").waitFor({ state: "visible", timeout: 10_000 });
    await waitFor(async () => (await rows(page).count()) === 2, "two history rows");
    const all = (await rows(page).allTextContents()).join("\n");
    assert.ok(all.includes("LIMIT_EXCEEDED_IMAGE_QUOTA"), `the error code in the history: ${all}`);
    const stored = await page.evaluate((k) => localStorage.getItem(k), HISTORY);
    assert.ok(stored?.includes(imageId) && stored.includes("LIMIT_EXCEEDED_IMAGE_QUOTA"), `localStorage["${HISTORY}"]: ${stored}`);

    await reloadConsole(page);
    await waitFor(async () => (await rows(page).count()) === 2, "two history rows after the reload");
    assert.equal((await rows(page).allTextContents()).join("\n"), all, "the same rows after the reload");

    await visible(page.getByRole("button", { name: "Clear history", exact: true })).click();
    await waitFor(async () => (await rows(page).count()) === 0, "no history row after Clear history");
    const cleared = await page.evaluate((k) => localStorage.getItem(k), HISTORY);
    assert.ok(cleared === null || !cleared.includes(imageId), `localStorage["${HISTORY}"] cleared: ${cleared}`);
    await reloadConsole(page);
    assert.equal(await rows(page).count(), 0, "still empty after a reload");
    assert.equal((await emulatorState(url)).images.length, 1);
  });

  consoleTest("draft: what was typed in two providers' forms survives a reload", async ({ page }) => {
    const zen = { instanceId: "100000000009", imageName: "draft-名字", imageDescription: "typed, not sent" };
    const ali = { RegionId: "cn-hangzhou", ImageName: "ali-draft", Description: "kept in the draft" };
    await selectProvider(page, "zenlayer");
    await fillForm(page, "zenlayer", zen);
    await selectProvider(page, "aliyun");
    await fillForm(page, "aliyun", ali);
    await waitFor(async () => {
      const d = await page.evaluate((k) => localStorage.getItem(k), DRAFT);
      return d?.includes("draft-名字") && d.includes("ali-draft");
    }, `localStorage["${DRAFT}"] with both forms' values`, { timeout: 3_000 });

    await reloadConsole(page);
    for (const [p, values] of [["zenlayer", zen], ["aliyun", ali]]) {
      await selectProvider(page, p);
      for (const [path, value] of Object.entries(values)) {
        assert.equal(await field(page, p, path).inputValue(), value, `${p} ${path} after the reload`);
      }
    }
    // The counter follows the restored value.
    await selectProvider(page, "zenlayer");
    assert.equal(await text(page.locator("#f-zenlayer-imageName-count")), "8 / 24");
  });

  consoleTest("secret: not in local storage, the URL, the history, console messages, the preview or the server log without Remember", async (session) => {
    const { page, keys } = session;
    await selectProvider(page, "zenlayer");
    const sandbox = sandboxKey(keys, "zenlayer").secret;
    // Remember is for one's own key (Relay, Direct): the sandbox's is built in (issue 14).
    const endpoint = (name) => visible(page.getByRole("radio", { name, exact: true }));
    await endpoint("Relay").check();
    assert.equal(await rememberBox(page).isChecked(), false, "Remember on this device is off by default");
    await endpoint("Sandbox").check();
    await fillForm(page, "zenlayer", VALID.zenlayer);
    await createButton(page).click();
    await page.locator("#result-image-id").waitFor({ state: "visible", timeout: 10_000 });
    await waitFor(async () => (await rows(page).count()) === 1, "one history row");

    // The preview (opened: it signs only while open) shows the request, never the secret.
    const preview = page.locator("details#preview");
    assert.equal(await preview.count(), 1, "details#preview");
    await preview.locator("summary").click();
    const request = await text(page.locator("#preview-request"));
    assert.ok(request.includes("/api/v2/vm") && request.includes("web-01"), `#preview-request shows URL and body: ${request}`);
    assert.match(await text(page.locator("#preview-curl")), /^curl /);

    // A secret of one's own, typed key by key and sent (the emulator refuses it).
    const typed = `e2e-secret-${randomBytes(6).toString("hex")}`;
    await typeSecret(page, typed);
    await createButton(page).click();
    await page.locator("#result-error-code").waitFor({ state: "visible", timeout: 10_000 });
    await waitFor(async () => (await rows(page).count()) === 2, "two history rows");
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), CREDENTIALS), null, `no localStorage["${CREDENTIALS}"]`);
    await assertNowhere(session, [sandbox, typed]);

    await reloadConsole(page);
    await assertNowhere(session, [sandbox, typed]);
  });

  consoleTest("secret with Remember on this device: in local storage (and said so), kept after a reload", async (session) => {
    const { page } = session;
    await selectProvider(page, "zenlayer");
    // One's own key, for Relay (issue 14: the sandbox has its own key, nothing to remember).
    await visible(page.getByRole("radio", { name: "Relay", exact: true })).check();
    const remember = rememberBox(page);
    const description = await remember.evaluate((el) => {
      const ids = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
      const described = ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
      return `${described} ${el.closest("label, fieldset, div")?.textContent ?? ""}`;
    });
    assert.match(description, /local storage/i, "the checkbox says the keys go to this browser's local storage");
    const typed = `e2e-remembered-${randomBytes(6).toString("hex")}`;
    await typeSecret(page, typed);
    await remember.check();
    await waitFor(async () => (await page.evaluate((k) => localStorage.getItem(k), CREDENTIALS))?.includes(typed), `the secret in localStorage["${CREDENTIALS}"]`, { timeout: 2_000 });
    // Only there: not in the draft or any other key.
    for (const entry of await localStorageDump(page)) {
      if (!entry.startsWith(`${CREDENTIALS}=`)) assert.ok(!entry.includes(typed), `the secret only under ${CREDENTIALS}, not in ${entry.slice(0, 60)}`);
    }
    await reloadConsole(page);
    assert.ok((await page.evaluate((k) => localStorage.getItem(k), CREDENTIALS))?.includes(typed), "kept after a reload");
    await selectProvider(page, "zenlayer");
    assert.equal(await rememberBox(page).isChecked(), true, "Remember is still on");
    assert.equal(page.url().includes(typed), false, "not in the URL");
  });
}
