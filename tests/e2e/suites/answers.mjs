// Errors that only the server can know (its state), explained from the catalog; Alibaba's
// SignatureDoesNotMatch with both strings to sign.
import assert from "node:assert/strict";
import { consoleTest } from "../lib/harness.mjs";
import { explain, emulatorState } from "../lib/server.mjs";
import { selectProvider, fillForm, createButton, text, waitFor, VALID } from "../lib/console.mjs";
import { isApiRequest } from "./submit.mjs";

/** README "Which request triggers which error": the stateful rows the console must explain. */
const STATEFUL = [
  { provider: "zenlayer", what: "image quota", values: { instanceId: "100000000008", imageName: "web-01" }, code: "LIMIT_EXCEEDED_IMAGE_QUOTA", status: 400 },
  { provider: "tencent", what: "instance not shut down", values: { instanceId: "ins-running", imageName: "img" }, code: "5100", status: 200 },
];

/** The provider's message in its answer body (Zenlayer/Tencent `message`, Alibaba `Message`, JD `error.message`). */
function serverMessage(body) {
  return body.message ?? body.Message ?? body.error?.message ?? body.response?.message ?? "";
}

async function submitAndAnswer(page, provider, values) {
  await selectProvider(page, provider);
  await fillForm(page, provider, values);
  const answer = page.waitForResponse((r) => isApiRequest(provider, r.url(), r.request().method()), { timeout: 10_000 });
  await createButton(page).click();
  const res = await answer;
  const body = await res.json();
  await page.locator("#result-error-code").waitFor({ state: "visible", timeout: 10_000 });
  return { status: res.status(), body };
}

export default function answers() {
  for (const s of STATEFUL) {
    consoleTest(`stateful error: ${s.provider} ${s.what} (${s.code}) shows code, HTTP status, message, meaning and fix from the catalog`, async ({ page, url }) => {
      const row = explain(s.provider, s.code).entries[0];
      const { status, body } = await submitAndAnswer(page, s.provider, s.values);
      assert.equal(status, s.status, "the emulator's HTTP status");
      assert.equal(await text(page.locator("#result-error-code")), s.code);
      assert.match(await text(page.locator("#result-http-status")), new RegExp(`\\b${s.status}\\b`));
      const message = serverMessage(body);
      assert.ok(message, "the server sent a message");
      assert.ok((await text(page.locator("#result-message"))).includes(message), `#result-message carries "${message}"`);
      assert.ok((await text(page.locator("#result-meaning"))).includes(row.meaning.en), `#result-meaning is the catalog's: "${row.meaning.en}"`);
      assert.ok((await text(page.locator("#result-fix"))).includes(row.fix.en), `#result-fix is the catalog's: "${row.fix.en}"`);
      // The raw response, on demand.
      const raw = page.locator("details#result-raw");
      assert.equal(await raw.count(), 1);
      await raw.locator("summary").click();
      assert.ok((await text(raw)).includes(s.code), "the raw response in #result-raw");
      assert.equal((await emulatorState(url)).images.length, 0, "no image created");
    });
  }

  consoleTest("stateful error in Chinese: the catalog's zh meaning and fix after switching language", async ({ page }) => {
    const s = STATEFUL[0];
    const row = explain(s.provider, s.code).entries[0];
    await submitAndAnswer(page, s.provider, s.values);
    await page.locator("#lang-toggle").click();
    await waitFor(async () => (await page.getAttribute("html", "lang")) === "zh", '<html lang="zh">');
    await waitFor(async () => (await text(page.locator("#result-meaning"))).includes(row.meaning.zh), `#result-meaning in Chinese: "${row.meaning.zh}"`, { timeout: 2_000 });
    assert.ok((await text(page.locator("#result-fix"))).includes(row.fix.zh), `#result-fix in Chinese: "${row.fix.zh}"`);
  });

  consoleTest("Alibaba SignatureDoesNotMatch: our string to sign beside the server's, the first difference marked", async ({ page }) => {
    // Change one signed parameter on the way (web-01 → web-02): the server's string to sign then differs.
    await page.route(
      (u) => u.pathname === "/",
      async (route) => {
        const req = route.request();
        if (!isApiRequest("aliyun", req.url(), req.method())) return route.continue();
        if (req.method() === "GET") return route.continue({ url: req.url().replace("ImageName=web-01", "ImageName=web-02") });
        return route.continue({ postData: (req.postData() ?? "").replace("ImageName=web-01", "ImageName=web-02") });
      },
    );
    const { body } = await submitAndAnswer(page, "aliyun", VALID.aliyun);
    assert.equal(body.Code, "SignatureDoesNotMatch", "the tampered request is refused");
    assert.equal(await text(page.locator("#result-error-code")), "SignatureDoesNotMatch");
    const ours = await text(page.locator("#sts-ours"));
    const server = await text(page.locator("#sts-server"));
    assert.ok(server.includes("ImageName%3Dweb-02"), `#sts-server is the server's: ${server}`);
    assert.ok(ours.includes("ImageName%3Dweb-01"), `#sts-ours is ours: ${ours}`);
    let prefix = 0;
    while (prefix < ours.length && ours[prefix] === server[prefix]) prefix++;
    const marked = [];
    for (const id of ["sts-ours", "sts-server"]) {
      const at = await page.locator(`#${id}`).evaluate((el) => {
        const mark = el.querySelector("mark");
        if (!mark) return null;
        const range = document.createRange();
        range.setStart(el, 0);
        range.setEndBefore(mark);
        return { before: range.toString().trimStart().length, mark: mark.textContent };
      });
      if (at) marked.push({ id, ...at });
    }
    assert.ok(marked.length > 0, "a <mark> in #sts-ours or #sts-server");
    for (const m of marked) assert.equal(m.before, prefix, `${m.id}: the <mark> starts at the first difference (offset ${prefix})`);
  });
}
