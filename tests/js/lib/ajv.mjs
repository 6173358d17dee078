// ajv (draft 2020-12, strict but for strictRequired) set up for createimage's schemas: the x-createimage-* annotation keywords
// are declared as a vocabulary, union types (`["string", "null"]`) allowed, and every strict-mode
// warning collected so a test can require none.
import Ajv2020Module from "ajv/dist/2020.js";

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;

/** Every `x-…` keyword used anywhere in `schema`. */
export function annotationKeywords(schema, found = new Set()) {
  if (Array.isArray(schema)) for (const s of schema) annotationKeywords(s, found);
  else if (schema && typeof schema === "object") {
    for (const [k, v] of Object.entries(schema)) {
      if (k.startsWith("x-")) found.add(k);
      else annotationKeywords(v, found);
    }
  }
  return found;
}

export function makeAjv(schemas, options = {}) {
  const warnings = [];
  const keywords = new Set();
  for (const s of schemas) annotationKeywords(s, keywords);
  const ajv = new Ajv2020({
    strict: true,
    // Cross-field rules say `required` in anyOf/if/then subschemas whose members the enclosing
    // object's `properties` define; this check (off by default even in ajv's strict mode) wants
    // them repeated in every subschema.
    strictRequired: false,
    allowUnionTypes: true,
    logger: { log() {}, warn: (...m) => warnings.push(m.join(" ")), error: (...m) => warnings.push(m.join(" ")) },
    ...options,
  });
  ajv.addVocabulary([...keywords]);
  return { ajv, warnings };
}
