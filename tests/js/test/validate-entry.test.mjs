// "createimage-validator/validate", the validate-only module (built without labels, hints, catalog
// meanings or schema code): the same verdicts and messages as the main export, byte for byte, over
// every case in both languages, strict or not, and over validateField; and only its four functions
// and the Standard Schema objects.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as main from "createimage-validator";
import * as only from "createimage-validator/validate";
import { loadCases } from "../lib/env.mjs";

const cases = loadCases();

/** What a call gives: its value, or the message of the Error it throws. */
function outcome(call) {
  try {
    return { value: call() };
  } catch (e) {
    assert.ok(e instanceof Error);
    return { error: e.message };
  }
}

test("validateJson: byte-identical reports to the main export for every case, en/zh, strict or not", () => {
  let compared = 0;
  for (const c of cases) {
    const text = JSON.stringify(c.request);
    for (const options of [undefined, { lang: "zh" }, { strict: true }]) {
      assert.equal(only.validateJson(c.provider, text, options), main.validateJson(c.provider, text, options), `${c.provider}: ${c.name}`);
      compared++;
    }
  }
  assert.equal(compared, cases.length * 3);
});

test("validate and validateField: the same objects as the main export", () => {
  for (const c of cases) {
    assert.deepEqual(only.validate(c.provider, c.request), main.validate(c.provider, c.request));
    for (const issue of main.validate(c.provider, c.request).issues) {
      const field = issue.field;
      const value = field.split(".").reduce((v, k) => (v == null ? undefined : v[k]), c.request);
      const [a, b] = [only, main].map((m) => outcome(() => m.validateField(c.provider, field, value, c.request)));
      assert.deepEqual(a, b, `${c.name}: ${field}`);
    }
  }
  assert.deepEqual(only.providers(), main.providers());
});

test("errors: the same Error messages as the main export", () => {
  for (const call of [(m) => m.validate("aws", {}), (m) => m.validate("aliyun", "[1]"), (m) => m.validate("aliyun", "{"), (m) => m.validateField("tencent", "nope", 1)]) {
    const message = (m) => {
      try {
        call(m);
      } catch (e) {
        assert.ok(e instanceof Error);
        return e.message;
      }
      assert.fail("no error thrown");
    };
    assert.equal(message(only), message(main));
  }
});

test("exports exactly what validate.d.ts declares", async () => {
  const { readFile } = await import("node:fs/promises");
  const dts = await readFile(new URL(import.meta.resolve("createimage-validator/package.json").replace(/package\.json$/, "validate.d.ts")), "utf8");
  const reexported = dts.match(/^export \{([^}]*)\}/m)[1].split(",").map((s) => s.trim());
  const own = [...dts.matchAll(/^export (?:default )?function (\w+)/gm)].map((m) => (m[0].includes("default") ? "default" : m[1]));
  assert.deepEqual(Object.keys(only).sort(), [...reexported, ...own].sort());
  assert.deepEqual(Object.keys(only).sort(), ["default", "initSync", "providers", "schemas", "standardSchema", "validate", "validateField", "validateJson"]);
});
