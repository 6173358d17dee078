// The package's Standard Schema objects as their consumers type them, checked with `tsc --noEmit
// --strict`: @standard-schema/spec's own interface, TanStack Form's form validator, React Hook Form's
// standardSchemaResolver. Each `@ts-expect-error` must be an error, or tsc fails: the request types
// are precise enough to reject what they should.
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { FormApi } from "@tanstack/form-core";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import {
  schemas,
  standardSchema,
  type AliyunRequest,
  type JdcloudRequest,
  type Provider,
  type Requests,
  type SchemaIssue,
} from "createimage-validator";
import { schemas as validateOnly } from "createimage-validator/validate";

/** True only when A and B are the same type. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// Every schema is a StandardSchemaV1 as the spec package declares it, typed with its request.
const jd: StandardSchemaV1<JdcloudRequest> = schemas.jdcloud;
const zh: StandardSchemaV1<AliyunRequest, AliyunRequest> = standardSchema("aliyun", { lang: "zh", strict: true });
const all: { [P in Provider]: StandardSchemaV1<Requests[P]> } = validateOnly;
const input: Same<StandardSchemaV1.InferInput<typeof schemas.jdcloud>, JdcloudRequest> = true;
const output: Same<StandardSchemaV1.InferOutput<typeof schemas.aliyun>, AliyunRequest> = true;
// @ts-expect-error: JD's schema is not Alibaba's
const crossed: StandardSchemaV1<AliyunRequest> = schemas.jdcloud;

// The request types follow the tables: names, JSON types, required members, nested items, flat form.
const request: JdcloudRequest = {
  regionId: "cn-north-1",
  instanceId: "i-abc",
  name: "web",
  description: null,
  dataDisks: [{ deviceName: "vdb", cloudDiskSpec: { diskType: "ssd", diskSizeGB: 40, charge: { chargeMode: "postpaid_by_duration" } } }],
};
const flat: AliyunRequest = { RegionId: "cn-hangzhou", InstanceId: "i-1", "Tag.1.Key": "env", "DiskDeviceMapping.1.Size": "40" };
// @ts-expect-error: diskSizeGB is an integer
const wrongType: JdcloudRequest = { regionId: "r", instanceId: "i", name: "web", dataDisks: [{ cloudDiskSpec: { diskSizeGB: "40" } }] };
// @ts-expect-error: regionId is required
const missing: JdcloudRequest = { instanceId: "i", name: "web" };
// @ts-expect-error: no such member of a tag
const unknown: AliyunRequest = { RegionId: "r", Tag: [{ Key: "k", Colour: "blue" }] };

// What validate gives: issues with a path, or the value typed as the request.
const result = schemas.jdcloud["~standard"].validate(request);
if (result.issues) {
  for (const issue of result.issues) {
    const where: string = issue.path.join(".");
    if ("code" in issue) console.log(where, issue.code, issue.httpStatus, issue.severity, issue.kind.type, issue.message);
  }
} else {
  const disks: number = result.value.dataDisks?.length ?? 0;
  const warnings: SchemaIssue[] = result.warnings;
  console.log(disks, warnings.length);
}

// TanStack Form takes the schema as a form validator for form data of the request's type.
const form = new FormApi({ defaultValues: request, validators: { onChange: schemas.jdcloud } });

// React Hook Form's resolver, typed by the schema.
const resolver = standardSchemaResolver(schemas.aliyun);

console.log(jd, zh, all, input, output, crossed, flat, wrongType, missing, unknown, form, resolver);
