// The console's DOM contract (docs/console-contract.md) as helpers: accessible names first, the
// contract's ids where one element among many is needed.

/** Every provider with a form: Tencent's two APIs share one tab (TAB), each with its own form. */
export const PROVIDERS = ["aliyun", "tencent3", "tencent", "jdcloud", "zenlayer"];

/** Every provider the portability table lists. */
export const PORTABLE = ["aliyun", "tencent", "tencent3", "jdcloud", "zenlayer"];

/** The provider tabs' accessible names (contract, "Page"), by the tab's data-provider. */
export const DISPLAY = {
  aliyun: "Alibaba Cloud ECS",
  tencent: "Tencent Cloud CVM",
  jdcloud: "JD Cloud VM",
  zenlayer: "Zenlayer Cloud VM",
};

/** The tab a provider's form is on (its data-provider), when it shares it with another API. */
export const TAB = { tencent3: "tencent" };

/** The radio that chooses each API of a shared tab; the first listed is the tab's default. */
export const API = { tencent3: "API 3.0", tencent: "Legacy API v2 (private clouds)" };

/**
 * A valid request per provider that the built-in fixture accepts (README, "Which request triggers which
 * error": the success rows), as form values by issue path. Tencent's `Region` is not a form field of
 * the field table (it is a common parameter) but has its own control defaulting to `ap-guangzhou`.
 */
export const VALID = {
  aliyun: { RegionId: "cn-hangzhou", InstanceId: "i-sandbox-stopped", ImageName: "web-01" },
  tencent3: { InstanceId: "ins-sandbox1", ImageName: "web-01" },
  tencent: { instanceId: "ins-sandbox1", imageName: "web-01" },
  jdcloud: { regionId: "cn-north-1", instanceId: "i-sandbox01", name: "web-01" },
  zenlayer: { instanceId: "100000000001", imageName: "web-01" },
};

/** The request the console sends for VALID[p] (what `createimage check` sees). */
export function validRequest(p) {
  return p === "tencent" || p === "tencent3" ? { Region: "ap-guangzhou", ...VALID[p] } : { ...VALID[p] };
}

/** `f-{provider}-{path}`: every run of characters outside [A-Za-z0-9] becomes `-`, a trailing `-` dropped. */
export function fieldId(provider, path) {
  return `f-${provider}-${path}`.replace(/[^A-Za-z0-9]+/g, "-").replace(/-$/, "");
}

/** Only the elements a person can see: every provider's panel may be in the DOM at once. */
export function visible(locator) {
  return locator.filter({ visible: true });
}

export function field(page, provider, path) {
  return page.locator(`#${fieldId(provider, path)}`);
}

/** Open the console and wait until the app has mounted (the provider tab list is there). */
export async function openConsole(page, url) {
  await page.goto(url);
  await waitMounted(page);
}

/**
 * The wasm app has started and rendered (something in <body>), then its provider tab list is there
 * (found by role alone: its accessible name is translated in Chinese).
 */
export async function waitMounted(page) {
  await page.waitForFunction(() => document.body && document.body.childElementCount > 0, null, { timeout: 15_000 });
  await page.getByRole("tablist").first().waitFor({ state: "visible", timeout: 3_000 });
}

export async function selectProvider(page, provider) {
  const name = DISPLAY[TAB[provider] ?? provider];
  const tab = page.getByRole("tab", { name, exact: true });
  await tab.click();
  await waitFor(async () => (await tab.getAttribute("aria-selected")) === "true", `tab ${name} selected`);
  if (API[provider]) {
    // By its data-provider: its name is translated in Chinese.
    await page.locator(`input[type="radio"][data-provider="${provider}"]`).check();
    await page.locator(`#request-${provider}`).waitFor({ state: "visible" });
  }
  return tab;
}

/** Set a form field by its issue path: a select is chosen, a checkbox set, anything else filled. */
export async function setField(page, provider, path, value) {
  const el = field(page, provider, path);
  const tag = await el.evaluate((e) => e.tagName.toLowerCase() + (e.type ? `:${e.type}` : ""));
  if (tag.startsWith("select")) await el.selectOption(String(value));
  else if (tag === "input:checkbox") await el.setChecked(Boolean(value));
  else await el.fill(String(value));
}

export async function fillForm(page, provider, values) {
  for (const [path, value] of Object.entries(values)) await setField(page, provider, path, value);
}

export function createButton(page) {
  return visible(page.getByRole("button", { name: "Create image", exact: true }));
}

/**
 * Press `Create image` from the keyboard. With errors the button is "disabled-looking but focusable"
 * (the console marks it aria-disabled, which Playwright's click() refuses to act on), and pressing it
 * must still show the error summary.
 */
export async function pressCreate(page) {
  const button = createButton(page);
  await button.focus();
  await waitFor(() => button.evaluate((b) => b === document.activeElement), "Create image focused (focusable)", { timeout: 1_000 });
  await page.keyboard.press("Enter");
}

/** Poll `fn` (async → truthy) until it holds, or throw naming `what`. */
export async function waitFor(fn, what, { timeout = 5_000, every = 50 } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ""}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** Every localStorage entry, as one string per key (`key=value`). */
export function localStorageDump(page) {
  return page.evaluate(() => Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`));
}

export async function text(locator) {
  return ((await locator.textContent()) ?? "").trim();
}
