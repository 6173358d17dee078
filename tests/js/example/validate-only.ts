// An app that only validates, importing "createimage-validator/validate" as the package README shows:
// the same types as the main export, and only the validate module's functions.
import init, { providers, validate, validateField, validateJson, type Issue, type Provider, type Report } from "createimage-validator/validate";

await init(); // needed in browsers and bundlers; resolves at once in Node

const provider: Provider = providers()[0]?.id ?? "aliyun";
const report: Report = validate(provider, { RegionId: "cn-hangzhou", InstanceId: "i-1", ImageName: "web" }, { lang: "zh" });
const issues: Issue[] = validateField("zenlayer", "imageName", "a.b", {});
const text: string = validateJson("tencent", '{"instanceId":"ins-1","imageName":"a"}');
console.log(report.valid, issues.length, text.length);
