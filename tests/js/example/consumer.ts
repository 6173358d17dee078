// An app using createimage-validator as its README shows, type-checked with `tsc --noEmit --strict`
// against the package's own declarations (installed from the packed tarball).
import init, {
  catalog,
  explain,
  jsonSchema,
  providers,
  rules,
  validate,
  validateField,
  validateJson,
  type FieldRule,
  type Issue,
  type IssueKind,
  type Provider,
  type Report,
} from "createimage-validator";

await init(); // needed in browsers and bundlers; resolves at once in Node

/** A message of the app's own for each kind: the switch must handle every variant. */
function describe(kind: IssueKind): string {
  switch (kind.type) {
    case "tooLong":
      return `at most ${kind.max} ${kind.unit === "chars" ? "characters" : "UTF-16 units"} (${kind.actual} given)`;
    case "tooShort":
      return `at least ${kind.min}`;
    case "outOfRange":
      return `${kind.min}–${kind.max}`;
    case "badStep":
      return `steps of ${kind.step} from ${kind.base}`;
    case "invalidChar":
      return `character ${kind.index + 1} (${kind.char}) is not one of ${kind.allowed.join(", ")}`;
    case "invalidFirstChar":
      return `starts with ${kind.char}; allowed: ${kind.allowed.join(", ")}`;
    case "wrongType":
      return `expected ${kind.expected}, got ${kind.actual}`;
    case "unknownParameter":
      return kind.suggestion === null ? "unknown" : `did you mean ${kind.suggestion}?`;
    case "invalidEncodedJson":
      return kind.missing ?? kind.expected;
    case "docsDisagree":
      return `${kind.char}: ${kind.allowedBy} vs ${kind.forbiddenBy}`;
    case "missing":
    case "utf16TooLong":
    case "forbiddenPrefix":
    case "forbiddenSubstring":
    case "notAscii":
    case "notAllowed":
    case "invalidDevice":
    case "invalidBase64":
    case "givenTwice":
    case "indexOutOfRange":
    case "tooMany":
    case "duplicate":
    case "oneOfRequired":
    case "allEmpty":
    case "requiredWhen":
    case "requiredUnless":
    case "requires":
    case "conflict":
    case "ineffectiveUnless":
    case "ignored":
    case "deprecated":
    case "defaulted":
    case "systemDiskDevice":
    case "reservedDevice":
    case "multipleSystemDisks":
    case "noSystemDisk":
      return kind.type;
    default: {
      const unhandled: never = kind;
      return unhandled;
    }
  }
}

const provider: Provider = "aliyun";
const report: Report = validate(provider, { RegionId: "cn-hangzhou", InstanceId: "i-1", ImageName: "1web" }, { lang: "zh" });
const errors: Issue[] = report.issues.filter((i) => i.severity === "error");
for (const issue of errors) console.log(issue.field, issue.code, issue.httpStatus, describe(issue.kind));

const text: string = validateJson("tencent", '{"instanceId":"ins-1","imageName":"a_b"}', { strict: true });
const onKeystroke: Issue[] = validateField("jdcloud", "dataDisks[0].cloudDiskSpec.diskSizeGB", 25, {});

// A form built from the rule table: no limit written twice.
const form: FieldRule[] = rules("jdcloud").filter((r) => !r.common);
for (const r of form) {
  const maxLength: number | undefined = r.length?.max;
  const options: string[] = r.allowed ?? [];
  const pattern = r.pattern === null ? undefined : new RegExp(r.pattern, "u");
  const byType = r.rangeBy?.cases.map((c) => `${c.value}: ${c.min}–${c.max} step ${c.step}`);
  console.log(r.label.zh, r.required, maxLength, options, pattern, byType, r.cross.map((c) => c.type));
}

const names: string[] = providers().map((p) => `${p.id}: ${p.name}`);
const rows = explain("aliyun", "InvalidImageName.Malformed", "The specified image name is wrongly formed.");
const firstFix: string | undefined = rows[0]?.fix.en;
const codes: number = catalog("zenlayer").filter((e) => !e.documented).length;
const schema = jsonSchema("jdcloud");
const keys: string[] = Object.keys(schema.properties);
const crossRules: string[] = schema["x-createimage-rules"].map((r) => r.type);

console.log(text, onKeystroke.length, names, firstFix, codes, keys, crossRules);
