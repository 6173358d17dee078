// jsonSchema() against ajv and against the validator itself: every schema compiles in ajv's strict
// mode without a warning; the schema is a relaxation of the validator (a request it rejects, the
// validator rejects too); each field's pattern accepts exactly the strings the validator's character
// rules accept (under the `u` and the `v` flag, and as an HTML `pattern` attribute); Alibaba's flat item numbers match exactly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { validate, validateField, jsonSchema, rules, providers } from "createimage-validator";
import { loadCases } from "../lib/env.mjs";
import { makeAjv } from "../lib/ajv.mjs";

const cases = loadCases();
const ids = providers().map((p) => p.id);
const schemas = Object.fromEntries(ids.map((id) => [id, jsonSchema(id)]));

test("every schema compiles in ajv strict mode without a warning", () => {
  const { ajv, warnings } = makeAjv(Object.values(schemas));
  for (const id of ids) {
    assert.equal(schemas[id].$schema, "https://json-schema.org/draft/2020-12/schema");
    ajv.compile(schemas[id]);
  }
  assert.deepEqual(warnings, []);
});

/** False when a key names a table field in another case (JD): the schema knows the table's spelling only. */
function canonicalKeys(provider, request) {
  const byParent = new Map();
  for (const r of rules(provider)) {
    if (!byParent.has(r.parent)) byParent.set(r.parent, new Set());
    byParent.get(r.parent).add(r.key);
  }
  const walk = (value, parent) => {
    if (Array.isArray(value)) return value.every((v) => walk(v, parent));
    if (value === null || typeof value !== "object") return true;
    const keys = byParent.get(parent) ?? new Set();
    return Object.entries(value).every(([k, v]) => {
      if (keys.has(k)) {
        const child = parent === "" ? k : `${parent}${parent.endsWith("[]") || !Array.isArray(v) ? "." : "."}${k}`;
        const rule = rules(provider).find((r) => r.path.replace(/\[\]$/, "") === child.replace(/\[\]$/, "") || r.path === child);
        return walk(v, rule?.type === "array" ? rule.path + "[]" : rule?.path ?? child);
      }
      return ![...keys].some((known) => known.toLowerCase() === k.toLowerCase());
    });
  };
  return walk(request, "");
}

test("the schema is a relaxation: what ajv rejects, validate() rejects", (t) => {
  const { ajv } = makeAjv(Object.values(schemas));
  const compiled = Object.fromEntries(ids.map((id) => [id, ajv.compile(schemas[id])]));
  let compared = 0, skipped = 0, invalid = 0, caught = 0;
  for (const c of cases) {
    if (!canonicalKeys(c.provider, c.request)) {
      skipped += 1;
      continue;
    }
    compared += 1;
    const schemaValid = compiled[c.provider](c.request);
    const report = validate(c.provider, c.request);
    if (!schemaValid) {
      assert.equal(report.valid, false, `${c.provider} ${c.name}: ajv rejects (${JSON.stringify(compiled[c.provider].errors?.[0])}) but validate() accepts`);
    }
    if (!report.valid) {
      invalid += 1;
      if (!schemaValid) caught += 1;
    }
  }
  assert.ok(compared > 150, `${compared} compared`);
  t.diagnostic(`${compared} requests compared (${skipped} skipped: keys in another case); ajv rejects ${caught} of the ${invalid} invalid ones`);
});

// Deterministic strings from characters each rule cares about.
const pool = ["a", "Z", "k", "0", "9", "-", "_", ".", ":", " ", "/", "中", "〇", "\u3400", "\u9FFF", "\u{20000}", "\u{323AF}", "\u{323B0}",
  "あ", "ア", "한", "😀", "é", "\u0000", "\n", "\u007F", "\u0080", "h", "t", "p", "s", "H", "T", "P", "S", "c", "y", "u", "n", "i", "l", "v", "d", "x", "b", "m"];
const fixed = ["", "http://x", "HTTPS://x", "hTtP://", "see https://x", "aliyun", "Aliyun-x", "aliyun-x", "acs:", "acs:x", "ACS:x", "ab",
  "/dev/xvda", "/dev/xvdz", "/dev/xvdaa", "/dev/sdb", "vdb", "vdz", "vdaa", "vdbm", "vdbn", "vda", "vd", "_abc", "1abc", "中文镜像-1_a"];
function* strings() {
  yield* fixed;
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let n = 0; n < 400; n++) {
    let s = "";
    for (let len = next() % 7; len > 0; len--) s += pool[next() % pool.length];
    yield s;
  }
}
const CHARACTER_RULES = new Set(["invalidChar", "invalidFirstChar", "forbiddenPrefix", "forbiddenSubstring", "notAscii", "invalidDevice"]);

test("each field's pattern accepts exactly what its character rules accept (u, v, HTML pattern)", (t) => {
  let fields = 0, checks = 0;
  for (const id of ids) {
    for (const rule of rules(id).filter((r) => r.pattern !== null)) {
      assert.equal(rule.type, "string", `${id} ${rule.path}`);
      const u = new RegExp(rule.pattern, "u");
      const v = new RegExp(rule.pattern, "v");
      const html = new RegExp(`^(?:${rule.pattern})$`, "v"); // how <input pattern> compiles it
      fields += 1;
      for (const s of strings()) {
        const issues = validateField(id, rule.path, s).filter((i) => CHARACTER_RULES.has(i.kind.type));
        const accepted = issues.length === 0;
        assert.equal(u.test(s), accepted, `${id} ${rule.path} ${JSON.stringify(s)}: pattern ${rule.pattern}`);
        assert.equal(v.test(s), accepted, `${id} ${rule.path} ${JSON.stringify(s)} (v flag)`);
        assert.equal(html.test(s), accepted, `${id} ${rule.path} ${JSON.stringify(s)} (as an HTML pattern)`);
        checks += 1;
      }
      // The property schema carries the same pattern.
      const prop = findProperty(schemas[id], rule.path);
      assert.equal(prop.pattern, rule.pattern, `${id} ${rule.path}`);
    }
  }
  assert.ok(fields >= 8, `${fields} fields with a pattern`);
  t.diagnostic(`${fields} patterns, ${checks} strings compared`);
});

/** The property schema of a table path (`dataDisks[].cloudDiskSpec.diskType`, `Tag.N.Key`). */
function findProperty(schema, path) {
  let at = schema;
  for (const part of path.split(".").filter((p) => p !== "N")) {
    const key = part.replace(/\[\]$/, "");
    at = at.properties?.[key] ?? at.items?.properties?.[key];
    assert.ok(at, `${path}: no property ${key}`);
    if (part.endsWith("[]")) at = at.items ? { properties: at.items.properties } : at;
  }
  return at;
}

test("Alibaba's flat item numbers: the patternProperties match exactly the numbers the validator takes", () => {
  for (const id of ids) {
    const schema = schemas[id];
    const groups = rules(id).filter((r) => r.type === "array" && r.parent === "");
    if (!providers().find((p) => p.id === id).flatForm || groups.length === 0) {
      assert.equal(schema.patternProperties, undefined, id);
      continue;
    }
    for (const group of groups) {
      const member = rules(id).find((r) => r.parent === group.path);
      const name = Object.keys(schema.patternProperties).find((k) => k.startsWith(`^${group.path}\\.`) && k.endsWith(`\\.${member.key}$`));
      assert.ok(name, `${id} ${group.path}.N.${member.key}`);
      const re = new RegExp(name, "u");
      for (let n = 0; n <= (group.maxItems ?? 30) + 3; n++) {
        const key = `${group.path}.${n}.${member.key}`;
        const outside = validateField(id, key, "x", {}).some((i) => i.kind.type === "indexOutOfRange");
        assert.equal(re.test(key), !outside, key);
      }
    }
  }
});
