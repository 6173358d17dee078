// One server and one browser for the whole suite; a fresh context (local storage included) and an
// emulator reset per test. A test fails on any page error, console error or request that leaves
// 127.0.0.1; on failure a screenshot goes to target/e2e-screenshots/failures/.
import { test, before, after, describe } from "node:test";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { startServer, resetEmulator, REPO_ROOT } from "./server.mjs";
import { launchBrowser, openSession } from "./browser.mjs";
import { openConsole } from "./console.mjs";

export const SCREENSHOTS = process.env.CREATEIMAGE_E2E_SCREENSHOTS ?? join(REPO_ROOT, "target/e2e-screenshots");

/** Filled by `describeConsole`'s before hook. */
export const env = { server: null, browser: null };

/** The suite around the tests `body` registers: starts the server and the browser, stops both after. */
export function describeConsole(name, body) {
  describe(name, () => {
    before(async () => {
      rmSync(join(SCREENSHOTS, "failures"), { recursive: true, force: true });
      env.server = await startServer({ imageDelay: 2 });
      env.browser = await launchBrowser();
    });
    after(async () => {
      await env.browser?.close().catch(() => {});
      await env.server?.stop();
    });
    body();
  });
}

const slug = (s) => s.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase().slice(0, 80);

/**
 * A test on a fresh page with the console open (`open: false` leaves it blank). `fn(session, t)`:
 * session = {page, context, messages, requests, url, keys, problems}.
 */
export function consoleTest(name, fn, { timeout = 30_000, open = true, locale } = {}) {
  test(name, { timeout }, async (t) => {
    const { server, browser } = env;
    if (!server || !browser) throw new Error("the suite's server or browser did not start");
    await resetEmulator(server.url);
    const session = await openSession(browser, server.url, { locale });
    Object.assign(session, { url: server.url, keys: server.keys, serverLog: server.log });
    let failure;
    try {
      if (open) await openConsole(session.page, server.url);
      await fn(session, t);
    } catch (e) {
      failure = e;
    }
    const problems = session.problems();
    if (failure || problems.length) {
      const dir = join(SCREENSHOTS, "failures");
      mkdirSync(dir, { recursive: true });
      await session.page.screenshot({ path: join(dir, `${slug(name)}.png`), fullPage: true, timeout: 5_000 }).catch(() => {});
    }
    await session.close();
    if (failure) {
      if (problems.length) failure.message += `\nalso logged:\n  ${problems.join("\n  ")}`;
      throw failure;
    }
    if (problems.length) throw new Error(`the page logged errors:\n  ${problems.join("\n  ")}`);
  });
}
