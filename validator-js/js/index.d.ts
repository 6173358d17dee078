// Type declarations of the npm package `createimage-validator`, kept by hand beside the Rust types they
// describe (validator/src/report.rs, catalog.rs, meta.rs, rule.rs, schema.rs). The shapes are what
// `serde_json` writes for those types; tests/js checks every declared shape against real outputs with
// `tsc --strict`, and validator-js/tests/declarations.rs fails when an `IssueKind` variant is missing here.
// Each provider's request type is not kept here: the build writes requests.d.ts from the rule tables.
import type { Requests } from "./requests.js";
export type * from "./requests.js";

/** The providers createimage knows (`providers()` lists them with their names). */
export type Provider = keyof Requests;

/** The language of messages. */
export type Lang = "en" | "zh";

export interface Options {
  /** Language of `message` (default `"en"`). */
  lang?: Lang;
  /** Treat warnings as errors (default `false`). */
  strict?: boolean;
}

/** Text in both languages the product speaks. */
export interface Text {
  en: string;
  zh: string;
}

export type Severity = "error" | "warning";

/** The JSON type a field expects. */
export type ValueType = "string" | "integer" | "boolean" | "object" | "array";

/** The JSON type a value had (`integer` and `number` tell whole numbers from others). */
export type JsonType = "null" | "boolean" | "number" | "integer" | "string" | "array" | "object";

/** How a length is counted: Unicode scalar values (what the providers call characters) or UTF-16 code units. */
export type LengthUnit = "chars" | "utf16";

/** A character class of the tables: Chinese characters (Unicode script Han), ASCII letters, ASCII digits, or one literal character. */
export type CharToken = "han" | "letter" | "digit" | "-" | "_" | "." | ":";

/** A part of the provider documentation, named where two parts disagree. */
export type DocSource =
  | "zenlayerChinese"
  | "zenlayerEnglish"
  | "aliyunParameterTable"
  | "aliyunErrorTable"
  | "tencentChinese"
  | "tencentChineseBefore2023"
  | "tencentEnglish";

/** Why an issue was raised: one variant per reason, told apart by `type`. */
export type IssueKind =
  | { type: "missing" }
  | { type: "wrongType"; expected: ValueType; actual: JsonType }
  | { type: "tooShort"; min: number; actual: number; unit: LengthUnit }
  | { type: "tooLong"; max: number; actual: number; unit: LengthUnit }
  | { type: "utf16TooLong"; max: number; actual: number }
  | { type: "invalidChar"; char: string; index: number; allowed: CharToken[] }
  | { type: "invalidFirstChar"; char: string; allowed: CharToken[] }
  | { type: "forbiddenPrefix"; prefix: string }
  | { type: "forbiddenSubstring"; substring: string }
  | { type: "notAscii"; char: string; index: number }
  | { type: "notAllowed"; value: string; allowed: string[] }
  | { type: "outOfRange"; min: number; max: number; actual: number }
  | { type: "badStep"; step: number; base: number; actual: number }
  | { type: "invalidDevice"; value: string; first: string; last: string }
  | { type: "invalidBase64" }
  | { type: "invalidEncodedJson"; expected: string; missing: string | null }
  | { type: "unknownParameter"; suggestion: string | null }
  | { type: "givenTwice" }
  | { type: "indexOutOfRange"; min: number; max: number; actual: number }
  | { type: "tooMany"; max: number; actual: number }
  | { type: "duplicate"; value: string; first: string }
  | { type: "oneOfRequired"; fields: string[] }
  | { type: "allEmpty"; fields: string[] }
  | { type: "requiredWhen"; other: string; value: string }
  | { type: "requiredUnless"; other: string }
  | { type: "requires"; other: string }
  | { type: "conflict"; other: string }
  | { type: "ineffectiveUnless"; other: string; values: string[] }
  | { type: "ignored"; winner: string }
  | { type: "deprecated"; replacement: string }
  | { type: "defaulted"; value: string }
  | { type: "docsDisagree"; char: string; allowedBy: DocSource; forbiddenBy: DocSource }
  | { type: "systemDiskDevice"; device: string }
  | { type: "reservedDevice"; device: string }
  | { type: "multipleSystemDisks"; count: number }
  | { type: "noSystemDisk" };

/** The `type` of every issue kind. */
export type IssueKindType = IssueKind["type"];

/** One finding about one field. */
export interface Issue {
  /** The field path in the provider's own naming (`DiskDeviceMapping.2.Size`, `dataDisks[0].cloudDiskSpec.iops`). */
  field: string;
  /** The error code the provider's server would answer (Tencent's integers as strings, e.g. `"4000"`). */
  code: string;
  severity: Severity;
  /** The HTTP status the provider answers that code with. */
  httpStatus: number;
  /** Human text in the requested language. */
  message: string;
  kind: IssueKind;
}

/** Everything found in one request: the object `createimage check --json` prints. */
export interface Report {
  provider: Provider;
  /** No error (warnings allowed, unless `strict`). */
  valid: boolean;
  issues: Issue[];
}

/** One row of a provider's error table. */
export interface CatalogEntry {
  code: string;
  httpStatus: number;
  /** The provider's own message for this row (`""` where the source gives none). */
  message: string;
  meaning: Text;
  fix: Text;
  /** Where the row comes from: a seed file and section, or a section of `providers.md`. */
  source: string;
  /** False where the provider documents no code and createimage chose one. */
  documented: boolean;
}

export interface ProviderInfo {
  id: Provider;
  /** The product name, e.g. "Alibaba Cloud ECS". */
  name: string;
  /** Keys match whatever their case (JD). */
  caseInsensitiveKeys: boolean;
  /** Repeated parameters may come flat (`Tag.1.Key`) and integers as decimal strings. */
  flatForm: boolean;
}

/** An integer range `min..=max` on the grid `min + k·step`. */
export interface Range {
  min: number;
  max: number;
  step: number;
}

export interface Length {
  min: number;
  max: number;
  unit: LengthUnit;
}

export interface Forbidden {
  text: string;
  ignoreCase: boolean;
}

export interface RangeCase extends Range {
  /** The selector's value this range applies to. */
  value: string;
}

export interface RangeBy {
  /** The field (same item) whose value selects the range. */
  selector: string;
  cases: RangeCase[];
  /** The range when the selector is absent or has another value. */
  fallback: Range;
}

export interface Devices {
  prefix: string;
  first: string;
  last: string;
  firstName: string;
  lastName: string;
  count: number;
}

export interface Disagreement {
  char: string;
  allowedBy: DocSource;
  forbiddenBy: DocSource;
}

export interface Base64Json {
  expected: string;
  members: string[];
}

/** A rule across fields, as the rule tables hold it. */
export type CrossRule =
  | { type: "anyOf"; fields: string[]; code: string; allEmpty: string | null }
  | { type: "priority"; order: string[] }
  | { type: "requiredUnless"; field: string; unless: string; code: string }
  | {
      type: "requiredWhen";
      field: string;
      other: string;
      value: string;
      default: string | null;
      defaulted: string | null;
      code: string;
    }
  | { type: "ineffectiveUnless"; field: string; other: string; values: string[]; default: string | null }
  | { type: "requires"; field: string; other: string; code: string }
  | { type: "rangeBy"; field: string; selector: string; cases: [string, Range][]; fallback: Range; code: string }
  | { type: "unique"; field: string; code: string }
  | { type: "deprecated"; field: string; replacement: string }
  | { type: "custom"; name: string };

/** A check on one value, as the rule tables hold it (in `jsonSchema()`'s `x-createimage-checks`). */
export type Check =
  | { type: "length"; min: number; max: number; unit: LengthUnit }
  | { type: "range"; min: number; max: number; step: number }
  | { type: "docsDisagree"; char: string; allowedBy: DocSource; forbiddenBy: DocSource }
  | { type: "base64Json"; expected: string; members: string[] };

/** Everything a form needs to know about one field, derived from the rule tables. */
export interface FieldRule {
  /** The table's path pattern: `N` for Alibaba's 1-based item number, `[]` for a JSON array index. */
  path: string;
  /** The key as it appears in JSON. */
  key: string;
  /** The container pattern (`""`: the request itself). */
  parent: string;
  /** The repeatable group (array) this field repeats with. */
  group: string | null;
  type: ValueType;
  /** Required in every instance of its parent. */
  required: boolean;
  /** A protocol-level common parameter (signature, timestamp …): known, not a form field. */
  common: boolean;
  label: Text;
  hint: Text;
  /** The code the provider answers a bad value with. */
  code: string;
  /** The code it answers a missing required value with. */
  missingCode: string;
  source: string;
  length: Length | null;
  /** Every character must be in one of these classes. */
  chars: CharToken[] | null;
  /** The first character must be in one of these classes. */
  firstChar: CharToken[] | null;
  forbiddenPrefixes: Forbidden[];
  forbiddenSubstrings: Forbidden[];
  asciiOnly: boolean;
  /** The only values allowed. */
  allowed: string[] | null;
  range: Range | null;
  /** A range selected by another field's value (JD disk size by disk type). */
  rangeBy: RangeBy | null;
  devices: Devices | null;
  docsDisagree: Disagreement[];
  base64Json: Base64Json | null;
  /** Arrays: the most items allowed. */
  maxItems: number | null;
  /** Arrays of plain values (`SnapshotIds`): the values' type; absent for arrays of objects. */
  items?: ValueType;
  /** Arrays: the number of the first item in issue paths (Alibaba `Tag.1`: 1; JSON `[0]`: 0). */
  firstIndex: number | null;
  /** The character rules as one ECMAScript regular expression, for `new RegExp(pattern, "u")` or `"v"`. */
  pattern: string | null;
  /** The cross-field rules that name this field. */
  cross: CrossRule[];
}

/** A JSON Schema (draft 2020-12) node; keywords beyond those named here may appear. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: (string | null)[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  maxItems?: number;
  deprecated?: boolean;
  "x-createimage-path"?: string;
  "x-createimage-code"?: string;
  "x-createimage-label"?: Text;
  "x-createimage-hint"?: Text;
  "x-createimage-common"?: boolean;
  "x-createimage-checks"?: Check[];
  [keyword: string]: unknown;
}

/** The root of `jsonSchema(provider)`. */
export interface RequestSchema extends JsonSchema {
  $schema: string;
  $id: string;
  title: string;
  type: "object";
  properties: Record<string, JsonSchema>;
  "x-createimage-provider": Provider;
  "x-createimage-caseInsensitiveKeys": boolean;
  "x-createimage-flatForm": boolean;
  /** Every cross-field rule of the provider, expressed in the schema or not. */
  "x-createimage-rules": CrossRule[];
  /** What this schema does not check, in plain words. */
  "x-createimage-notExpressed": string[];
}

/** Where the browser build finds its `.wasm`: a URL, a `Response`, bytes or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/**
 * Loads the WebAssembly module; await it once before any other call in a browser or bundler build
 * (by default it fetches `createimage_validator_bg.wasm` beside the JS). In Node the module is
 * loaded synchronously on import and this resolves at once.
 */
export default function init(
  moduleOrPath?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<unknown>;

/** Loads the WebAssembly module synchronously from bytes or a compiled module. */
export function initSync(module: { module: BufferSource | WebAssembly.Module }): unknown;

/**
 * Validates a request: a plain object, or its JSON text. Returns the report `createimage check
 * --json` prints. Throws an `Error` for an unknown provider, invalid options, JSON text that does
 * not parse, or a request that is not an object.
 */
export function validate(provider: Provider, request: object | string, options?: Options): Report;

/** Validates a request's JSON text and returns the report's JSON text: the exact bytes `check --json` prints. */
export function validateJson(provider: Provider, json: string, options?: Options): string;

/**
 * Checks one field, for forms that validate as the user types. `field` is a path as issues spell it
 * (`Tag.2.Key`, `dataDisks[0].cloudDiskSpec.diskSizeGB`); `value` `null` or `undefined` means absent.
 * With `request` (even `{}`), the value replaces that field in it and every rule applies, cross-field
 * ones included; without, only the field's own. Returns the issues at that path (or inside it).
 * Throws for an unknown field, with the nearest known one.
 */
export function validateField(
  provider: Provider,
  field: string,
  value: unknown,
  request?: object | string | null,
  options?: Options,
): Issue[];

/** The catalog rows of a code a server answered (exact spelling, else ignoring case), the row that best matches `message` first; `[]` for an unknown code. */
export function explain(provider: Provider, code: string, message?: string | null): CatalogEntry[];

/** Every row of the provider's error catalog. */
export function catalog(provider: Provider): CatalogEntry[];

/** Every provider, in the product's order. */
export function providers(): ProviderInfo[];

/** Field metadata to build forms from, in table order. */
export function rules(provider: Provider): FieldRule[];

/** The request's JSON Schema (2020-12): what JSON Schema can express, the rest in `x-createimage-*` keywords. */
export function jsonSchema(provider: Provider): RequestSchema;

/** An issue of a Standard Schema: the report's issue, and where its value is in the object validated. */
export interface SchemaIssue extends Issue {
  /**
   * The keys and indexes that lead to the value in the object given to `validate`, with its spelling
   * of each key: `["Tag", 0, "Key"]`, `["Tag.1.Key"]` (Alibaba's flat form), `["dataDisks", 0,
   * "cloudDiskSpec", "diskSizeGB"]`. A member left out is named as the provider's table spells it.
   */
  path: (string | number)[];
}

/** The value was no request object at all (a string, an array, a cycle …): the validator's message, no code. */
export interface InputIssue {
  message: string;
  path: [];
}

/** What a Standard Schema's `validate` gives: the value when the report has no error, else its errors. */
export type SchemaResult<Output> =
  | { value: Output; issues?: undefined; warnings: SchemaIssue[] }
  | { issues: (SchemaIssue | InputIssue)[]; warnings: SchemaIssue[] };

/** Standard Schema v1 (standardschema.dev): the interface form and API libraries take a validator by. */
export interface StandardSchema<Input = unknown, Output = Input> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: "createimage-validator";
    /** Validates synchronously (never a promise). Warnings never fail it, unless `strict`. */
    readonly validate: (value: unknown) => SchemaResult<Output>;
    /** For type inference only (`StandardSchemaV1.InferInput` …); absent at run time. */
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

/** A provider's request rules as a Standard Schema, typed with its request type. */
export type ProviderSchema<P extends Provider> = StandardSchema<Requests[P], Requests[P]>;

/**
 * The provider's request rules as a Standard Schema v1 object, messages in `options.lang`; with
 * `strict`, warnings fail it too. An unknown provider or invalid options throw at the first validation.
 */
export function standardSchema<P extends Provider>(provider: P, options?: Options): ProviderSchema<P>;

/** Every provider's Standard Schema with the default options (English; warnings do not fail). */
export const schemas: { readonly [P in Provider]: ProviderSchema<P> };
