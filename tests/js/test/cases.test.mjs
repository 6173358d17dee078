// The seed boundary cases of the Rust rule tests (validator/tests/all/rules_*.rs, exported as data), run
// through the installed package: each request must give exactly the issues the Rust test expects.
import { test } from "node:test";
import assert from "node:assert/strict";
import { validate } from "createimage-validator";
import { loadCases, summary } from "../lib/env.mjs";

const cases = loadCases();

for (const c of cases) {
  test(`${c.provider}: ${c.name}`, () => {
    const report = validate(c.provider, c.request);
    assert.equal(report.provider, c.provider);
    assert.deepEqual(summary(report.issues), summary(c.want));
    assert.equal(report.valid, !c.want.some((w) => w.severity === "error"));
    for (const issue of report.issues) assert.ok(issue.message.length > 0, `${issue.field}: empty message`);
  });
}
