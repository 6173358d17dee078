// The providers' official SDKs, unchanged, against one `createimage serve` (HTTP, plus an HTTPS
// listener with a throw-away self-signed certificate for the SDK that speaks HTTPS only). Each SDK:
// a create whose image the emulator then lists, a bad image name answered with the provider's
// code, a wrong secret refused with the provider's authentication error, and one error that only
// the emulator's state can give. Run with scripts/clients.sh (or `scripts/test.sh clients`).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import RPCClient from "@alicloud/pop-core";
import { startServer, emulatorState, resetEmulator, REPO_ROOT } from "../e2e/lib/server.mjs";

const run = promisify(execFile);
const PYTHON = process.env.CREATEIMAGE_CLIENTS_PYTHON || join(REPO_ROOT, "tests/clients/.venv/bin/python");
const DRIVER = join(REPO_ROOT, "tests/clients/python/clients.py");
const BIN = process.env.CREATEIMAGE_BIN || join(REPO_ROOT, "target/debug/createimage");


const ALIYUN = (name, instance = "i-sandbox-stopped") => ({ RegionId: "cn-hangzhou", InstanceId: instance, ImageName: name });

/**
 * One row per client. `create` must succeed; `badName`, `wrongSecret` and `stateful` must fail with
 * the code the SDK reports. Alibaba's legacy SDK compares the server's echoed string to sign with
 * its own and, when they are equal (the emulator's is), reports the wrong secret as
 * `InvalidAccessKeySecret` instead of the server's `SignatureDoesNotMatch`.
 */
const CLIENTS = [
  {
    client: "aliyun-tea",
    what: "alibabacloud-ecs20140526 (Python, ACS3-HMAC-SHA256)",
    provider: "aliyun",
    create: { ...ALIYUN("tea-web-1"), Tag: [{ Key: "team", Value: "web" }] },
    badName: [ALIYUN("1bad"), "InvalidImageName.Malformed"],
    wrongSecret: "SignatureDoesNotMatch",
    stateful: [ALIYUN("tea-web-2", "i-starting"), "IncorrectInstanceStatus"],
  },
  {
    client: "aliyun-legacy",
    what: "aliyun-python-sdk-ecs (Python, HMAC-SHA1)",
    provider: "aliyun",
    create: { ...ALIYUN("legacy-web-1"), Tag: [{ Key: "team", Value: "web" }] },
    badName: [ALIYUN("1bad"), "InvalidImageName.Malformed"],
    wrongSecret: "InvalidAccessKeySecret",
    stateful: [ALIYUN("legacy-web-2", "i-locked"), "InstanceLockedForSecurity"],
  },
  {
    client: "aliyun-pop-core",
    what: "@alicloud/pop-core (Node, HMAC-SHA1, POST form)",
    provider: "aliyun",
    create: ALIYUN("pop-web-1"),
    badName: [ALIYUN("1bad"), "InvalidImageName.Malformed"],
    wrongSecret: "SignatureDoesNotMatch",
    stateful: [{ RegionId: "cn-hangzhou", SnapshotId: "s-not-ready", ImageName: "pop-web-2" }, "InvalidSnapshotId.NotReady"],
  },
  ...["gz", "ap-guangzhou"].map((region) => ({
    client: "tencent-legacy",
    what: `qcloudapi-sdk-python (Python, HmacSHA256, HTTPS), Region=${region}`,
    provider: "tencent",
    region,
    create: { instanceId: "ins-sandbox1", imageName: `web-${region}` },
    badName: [{ instanceId: "ins-sandbox1", imageName: "bad_name" }, "4000"],
    wrongSecret: "4100",
    stateful: [{ instanceId: "ins-running", imageName: "web-2" }, "5100"],
  })),
  {
    client: "tencent3",
    what: "tencentcloud-sdk-python-cvm (Python, API 3.0, TC3-HMAC-SHA256, POST JSON)",
    provider: "tencent3",
    // API 3.0 shares the legacy API's accounts: the banner lists them under tencent.
    keys: "tencent",
    region: "ap-guangzhou",
    create: { InstanceId: "ins-sandbox1", ImageName: "sdk3-web-1", TagSpecification: [{ ResourceType: "image", Tags: [{ Key: "team", Value: "web" }] }] },
    badName: [{ InstanceId: "ins-sandbox1", ImageName: "x".repeat(61) }, "InvalidParameter.ValueTooLarge"],
    wrongSecret: "AuthFailure.SignatureFailure",
    stateful: [{ InstanceId: "ins-startin1", ImageName: "sdk3-web-2" }, "UnsupportedOperation.InstanceStateStarting"],
    dryRun: [{ InstanceId: "ins-sandbox1", ImageName: "sdk3-dry", DryRun: true }, "DryRunOperation"],
  },
  {
    client: "jdcloud",
    what: "jdcloud-sdk (Python, JDCLOUD3-HMAC-SHA256)",
    provider: "jdcloud",
    create: { regionId: "cn-north-1", instanceId: "i-sandbox01", name: "jd-web-1", description: "made by the SDK" },
    badName: [{ regionId: "cn-north-1", instanceId: "i-sandbox01", name: "x" }, "INVALID_ARGUMENT"],
    wrongSecret: "UNAUTHENTICATED",
    stateful: [{ regionId: "cn-north-1", instanceId: "i-starting01", name: "jd-web-2" }, "FAILED_PRECONDITION"],
  },
  {
    client: "zenlayer",
    what: "zenlayercloud-sdk-python (Python, ZC2-HMAC-SHA256)",
    provider: "zenlayer",
    create: { instanceId: "100000000001", imageName: "zl-web-1" },
    badName: [{ instanceId: "100000000001", imageName: "x".repeat(25) }, "INVALID_PARAMETER"],
    wrongSecret: "AUTHENTICATION_FAILED",
    stateful: [{ instanceId: "100000000008", imageName: "zl-web-2" }, "LIMIT_EXCEEDED_IMAGE_QUOTA"],
  },
];

let server;
let certDir;

before(async () => {
  certDir = mkdtempSync(join(tmpdir(), "createimage-clients-"));
  const [cert, key] = [join(certDir, "cert.pem"), join(certDir, "key.pem")];
  execFileSync(PYTHON, [join(REPO_ROOT, "tests/clients/python/selfsigned.py"), cert, key]);
  server = await startServer({
    bin: BIN,
    requireConsole: false,
    extraArgs: ["--tls-addr", "127.0.0.1:0", "--tls-cert", cert, "--tls-key", key],
  });
  assert.ok(server.tlsUrl, "serve printed its HTTPS URL");
});

after(async () => {
  await server?.stop();
  if (certDir) rmSync(certDir, { recursive: true, force: true });
});

/** The provider's first sandbox key, as the server's start-up banner lists the fixture's keys. */
function sandboxKey(provider) {
  const key = server.keys[provider]?.[0];
  assert.ok(key, `serve listed a sandbox key for ${provider}`);
  return key;
}

/** Runs `row`'s SDK on `request` with `secret`; resolves to `{ok, imageId?, requestId?, code?, message?}`. */
async function call(row, request, secret = sandboxKey(row.keys ?? row.provider).secret) {
  const keyId = sandboxKey(row.keys ?? row.provider).id;
  if (row.client === "aliyun-pop-core") return popCore(request, keyId, secret);
  const tls = row.client === "tencent-legacy";
  const endpoint = new URL(tls ? server.tlsUrl : server.url).host;
  const job = { client: row.client, endpoint, keyId, secret, request, region: row.region };
  const env = { ...process.env, SSL_CERT_FILE: join(certDir, "cert.pem") };
  const { stdout } = await run(PYTHON, [DRIVER, JSON.stringify(job)], { env, timeout: 60_000 });
  return JSON.parse(stdout.trim().split("\n").pop());
}

/** @alicloud/pop-core in this process: POST with a form body, as its README shows for writes. */
async function popCore(request, accessKeyId, accessKeySecret) {
  const client = new RPCClient({ accessKeyId, accessKeySecret, endpoint: server.url, apiVersion: "2014-05-26" });
  try {
    const answer = await client.request("CreateImage", request, { method: "POST", timeout: 10_000 });
    return { ok: true, imageId: answer.ImageId, requestId: answer.RequestId };
  } catch (e) {
    return { ok: false, code: e.code, message: e.message };
  }
}

for (const row of CLIENTS) {
  test(`${row.what}: creates, and gets the provider's answers`, async () => {
    await resetEmulator(server.url);

    const created = await call(row, row.create);
    assert.equal(created.ok, true, `create: ${JSON.stringify(created)}`);
    const { images } = await emulatorState(server.url);
    const mine = images.filter((i) => i.provider === row.provider);
    assert.equal(mine.length, 1, `one ${row.provider} image in the emulator: ${JSON.stringify(images)}`);
    if (row.provider === "tencent") {
      // The legacy API answers with an integer task id and no image id: the emulator keeps that id.
      assert.equal(String(mine[0].requestId), String(created.requestId));
      if (row.region === "gz") assert.equal(mine[0].location, "ap-guangzhou", "the short region names the long one");
    } else {
      assert.equal(mine[0].imageId, created.imageId);
    }

    const [badRequest, badCode] = row.badName;
    const bad = await call(row, badRequest);
    assert.equal(bad.ok, false, `bad name: ${JSON.stringify(bad)}`);
    assert.equal(bad.code, badCode, `bad name: ${JSON.stringify(bad)}`);

    const refused = await call(row, { ...row.create, ...nameOf(row, "refused-1") }, "not-the-secret");
    assert.equal(refused.ok, false, `wrong secret: ${JSON.stringify(refused)}`);
    assert.equal(refused.code, row.wrongSecret, `wrong secret: ${JSON.stringify(refused)}`);

    const [stateRequest, stateCode] = row.stateful;
    const stateful = await call(row, stateRequest);
    assert.equal(stateful.ok, false, `stateful: ${JSON.stringify(stateful)}`);
    assert.equal(stateful.code, stateCode, `stateful: ${JSON.stringify(stateful)}`);

    if (row.dryRun) {
      const [dryRequest, dryCode] = row.dryRun;
      const dry = await call(row, dryRequest);
      assert.equal(dry.code, dryCode, `dry run: ${JSON.stringify(dry)}`);
    }

    const after = (await emulatorState(server.url)).images.filter((i) => i.provider === row.provider);
    assert.equal(after.length, 1, "only the first call created an image");
  });
}

/** The request member that names the image, in the provider's spelling. */
function nameOf(row, name) {
  const field = { aliyun: "ImageName", tencent: "imageName", tencent3: "ImageName", jdcloud: "name", zenlayer: "imageName" }[
    row.provider
  ];
  return { [field]: name };
}
