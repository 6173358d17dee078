// Debian's Chromium through playwright-core (never a browser download), and one page per test with
// everything it logged collected: a page error or a console error fails the test.
import { chromium } from "playwright-core";
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Headless Chromium. `chromium.launch` gives every run a fresh user-data-dir of its own (a new
 * temporary profile, deleted on close); each test then gets its own incognito-like context, so
 * local storage never leaks from one test to the next.
 */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (scripts/setup.sh installs Debian's chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** The browser's own log line for a fetch answered with an HTTP error status. */
const NETWORK_STATUS_LINE = /^Failed to load resource: the server responded with a status of \d{3}\b/;

/**
 * The provider API paths of the emulator (README, `createimage serve`). A 4xx/5xx from one of them is
 * a provider's answer that the console shows; Chromium logs such a response as a console error by
 * itself ("Failed to load resource: …"), whatever the page does, so that line alone is not held
 * against the console. The same line for any other URL (a missing script, the favicon) is.
 */
export function isProviderAnswer(url, base) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.origin !== new URL(base).origin) return false;
  return (
    u.pathname === "/v2/index.php" ||
    u.pathname === "/api/v2/vm" ||
    /^\/v1\/regions\/[^/]+\/instances\/[^/]+:createImage$/.test(u.pathname) ||
    (u.pathname === "/" && (u.searchParams.has("Action") || u.search === ""))
  );
}

/**
 * A fresh context and page on `base`, recording console messages, page errors and every request; any
 * request that leaves 127.0.0.1 is aborted and counted as a problem (the tests never reach a real
 * provider). `close()` ends the context; `problems()` lists what fails the test.
 */
export async function openSession(browser, base, { locale = "en-US", viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ locale, viewport, colorScheme: "light" });
  context.setDefaultTimeout(5_000);
  context.setDefaultNavigationTimeout(20_000);
  const messages = []; // {type, text, url}
  const pageErrors = [];
  const requests = []; // {method, url, postData}
  const outside = [];
  await context.route(
    (url) => url.hostname !== "127.0.0.1",
    (route) => {
      outside.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  const page = await context.newPage();
  page.on("console", (m) => messages.push({ type: m.type(), text: m.text(), url: m.location()?.url ?? "" }));
  page.on("pageerror", (e) => pageErrors.push(String(e?.stack ?? e)));
  page.on("request", (r) => requests.push({ method: r.method(), url: r.url(), postData: r.postData() ?? "" }));
  return {
    context,
    page,
    messages,
    requests,
    problems() {
      const list = pageErrors.map((e) => `page error: ${e}`);
      for (const m of messages) {
        if (m.type !== "error") continue;
        if (NETWORK_STATUS_LINE.test(m.text) && isProviderAnswer(m.url, base)) continue;
        list.push(`console error: ${m.text}${m.url ? ` (${m.url})` : ""}`);
      }
      for (const u of outside) list.push(`request outside 127.0.0.1 (aborted): ${u}`);
      return list;
    },
    async close() {
      await context.close().catch(() => {});
    },
  };
}
