// Standard Schema v1 (standardschema.dev) over `validate`, so form and API libraries (TanStack Form,
// React Hook Form's standardSchemaResolver, tRPC, Hono …) take a provider's request rules with no glue.
// scripts/build-js.sh appends this file to the wasm-bindgen glue of both modules, whose `validate` it
// calls, after a line it writes from `providers()`: `const PROVIDER_KEYS = {id: caseInsensitiveKeys}`.
// No rule, message or list is restated here: what this adds is each issue's `path` into the object the
// caller passed, read from the issue's `field` (the report's own naming) and that object.

/** `[i]` is a JSON array index (from 0); a bare number after a group is Alibaba's item number (from 1). */
const ITEM = /^(?:\[(\d+)\]|(\d+))(?![^.[])/;

/**
 * The own key of `node` that `rest` starts with (followed by its end, `.` or `[`), the longest if
 * several do; in any case where the provider ignores case. A key longer than the report shows
 * (unknown names are cut to 64 characters) matches its shown start.
 */
function keyIn(node, rest, anyCase) {
  if (node === null || typeof node !== "object") return undefined;
  const fold = (s) => (anyCase ? s.toLowerCase() : s);
  const want = fold(rest);
  let found;
  for (const key of Object.keys(node)) {
    const after = rest[key.length];
    const prefix = want.startsWith(fold(key)) && (after === undefined || after === "." || after === "[");
    const cut = key.length > rest.length && [...key].slice(0, 64).join("") === rest;
    if ((prefix || cut) && (found === undefined || key.length > found.length)) found = key;
  }
  return found;
}

/**
 * The issue's field as keys and indexes into `request`: `Tag.1.Key` is `["Tag", 0, "Key"]` when `Tag`
 * is an array and `["Tag.1.Key"]` when the request is flat; `dataDisks[0].cloudDiskSpec.diskSizeGB` is
 * `["dataDisks", 0, "cloudDiskSpec", "diskSizeGB"]`, with the caller's spelling of each key.
 */
function issuePath(request, field, anyCase) {
  const path = [];
  let node = request;
  let rest = field;
  while (rest) {
    const item = Array.isArray(node) && ITEM.exec(rest);
    let step;
    if (item) {
      step = item[1] === undefined ? item[2] - 1 : Number(item[1]);
      rest = rest.slice(item[0].length);
    } else {
      step = keyIn(node, rest, anyCase);
      if (step === undefined) {
        // Not in the request (a required member left out): a flat `Group.N.Key` at the top stays one
        // key, as the caller would write it; any other path is its keys and indexes.
        const flat = node === request && /^[^.[]+\.\d+(\.|$)/.test(rest);
        for (const part of flat ? [rest] : rest.split(/\.|(?=\[)/)) {
          path.push(!flat && part[0] === "[" ? Number(part.slice(1, -1)) : part);
        }
        return path;
      }
      rest = rest.slice(step.length);
    }
    path.push(step);
    node = node?.[step];
    if (rest[0] === ".") rest = rest.slice(1);
  }
  return path;
}

/**
 * A provider's request rules as a Standard Schema v1 object. `validate` gives `{value, warnings}` when
 * the report has no error and `{issues, warnings}` when it has: each issue the report's own (message in
 * `options.lang`, code, httpStatus, severity, kind, field) with its `path`. A value that is not a
 * request object gets one issue with the validator's message and an empty path. An unknown provider or
 * invalid options throw at the first validation, as `validate` throws.
 */
function standardSchema(provider, options) {
  const anyCase = PROVIDER_KEYS[provider];
  return {
    "~standard": {
      version: 1,
      vendor: "createimage-validator",
      validate(value) {
        let report;
        try {
          // A string is a value to check here (not a request), not JSON text to read.
          report = validate(provider, typeof value === "string" ? JSON.stringify(value) : value, options);
        } catch (e) {
          validate(provider, "{}", options); // throws for the schema's own mistakes: provider, options
          return { issues: [{ message: e.message, path: [] }], warnings: [] };
        }
        const issues = [];
        const warnings = [];
        for (const issue of report.issues) {
          (issue.severity === "error" ? issues : warnings).push({ ...issue, path: issuePath(value, issue.field, anyCase) });
        }
        return issues.length ? { issues, warnings } : { value, warnings };
      },
    },
  };
}

/** Every provider's schema with the default options (English, warnings do not fail). */
const schemas = Object.fromEntries(Object.keys(PROVIDER_KEYS).map((p) => [p, standardSchema(p)]));

export { standardSchema, schemas };
