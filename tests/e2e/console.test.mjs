// The console end to end: one `createimage serve` (release binary, --image-delay 2) and one headless
// Debian Chromium for the whole file, a fresh browser context and an emulator reset per test.
// Run with scripts/e2e.sh (builds what is needed) or `node --test tests/e2e/`.
import { describeConsole } from "./lib/harness.mjs";
import page from "./suites/page.mjs";
import submit from "./suites/submit.mjs";
import validation from "./suites/validation.mjs";
import answers from "./suites/answers.mjs";
import storage from "./suites/storage.mjs";
import groups from "./suites/groups.mjs";
import portability from "./suites/portability.mjs";
import a11y from "./suites/a11y.mjs";
import screenshots from "./suites/screenshots.mjs";
import newuser from "./suites/newuser.mjs";
import lazy from "./suites/lazy.mjs";
import tencent3 from "./suites/tencent3.mjs";

describeConsole("console", () => {
  page();
  submit();
  validation();
  answers();
  groups();
  storage();
  portability();
  lazy();
  newuser();
  tencent3();
  a11y();
  screenshots();
});
