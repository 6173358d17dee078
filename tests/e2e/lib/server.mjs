// `createimage serve` for the end-to-end tests and the measurement script: the release binary,
// spawned on a free loopback port, its URL and sandbox keys read from what it prints, stopped by its
// PID (also when a test fails or the runner is interrupted).
import { spawn, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url)).replace(/\/$/, "");
export const BIN = process.env.CREATEIMAGE_BIN ?? join(REPO_ROOT, "target/release/createimage");
export const DIST = process.env.CREATEIMAGE_DIST ?? join(REPO_ROOT, "dist");

const URL_LINE = /^createimage serve: console and emulator on (http:\/\/127\.0\.0\.1:\d+\/)$/;
const TLS_LINE = /^createimage serve: HTTPS on (https:\/\/127\.0\.0\.1:\d+\/)$/;
// "  aliyun    LTAI5tSandboxAliyun0001   sandbox-aliyun-secret   sandbox account"
const KEY_LINE = /^\s+(aliyun|tencent|jdcloud|zenlayer)\s+(\S+)\s+(\S+)\s+(.+?)\s*$/;

/** Every server started and not yet stopped, killed when the process exits whatever the reason. */
const running = new Set();
process.on("exit", () => {
  for (const child of running) {
    try {
      process.kill(child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => process.exit(130));
}

/**
 * Start `createimage serve --addr 127.0.0.1:0 --dist DIST --image-delay N` and resolve once it has
 * printed its URL and the sandbox keys ("Ctrl-C stops." ends that block).
 * `bin` is another build of the binary; `requireConsole: false` starts it without a built console.
 * @returns {Promise<{url: string, tlsUrl?: string, pid: number, keys: Record<string, {id: string, secret: string, account: string}[]>, log: () => string, stop: () => Promise<void>}>}
 */
export async function startServer({ imageDelay = 2, extraArgs = [], bin = BIN, requireConsole = true } = {}) {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: cargo build --release -p createimage-cli --bin createimage`);
  if (requireConsole && !existsSync(join(DIST, "index.html"))) throw new Error(`${DIST}/index.html is missing: trunk build --release --offline`);
  const args = ["serve", "--addr", "127.0.0.1:0", "--dist", DIST, "--image-delay", String(imageDelay), ...extraArgs];
  const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CREATEIMAGE_LOG: "info" } });
  running.add(child);
  let stdout = "";
  let stderr = "";
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  exited.then(() => running.delete(child));

  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`createimage serve printed no URL in 15 s:\n${stdout}\n${stderr}`)), 15_000);
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.on("data", (d) => {
      stdout += d;
      if (/^Ctrl-C stops\.$/m.test(stdout)) {
        clearTimeout(timer);
        resolve();
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`createimage serve exited (${code ?? signal}) before it was ready:\n${stdout}\n${stderr}`));
    });
  });
  try {
    await ready;
  } catch (e) {
    await stopChild(child, exited);
    throw e;
  }

  const bannerEnd = stdout.length;
  const lines = stdout.split("\n");
  const url = lines.map((l) => URL_LINE.exec(l)?.[1]).find(Boolean);
  if (!url) {
    await stopChild(child, exited);
    throw new Error(`no URL line in createimage serve's output:\n${stdout}`);
  }
  // With --tls-addr: the HTTPS listener's URL.
  const tlsUrl = lines.map((l) => TLS_LINE.exec(l)?.[1]).find(Boolean);
  const keys = {};
  for (const l of lines) {
    const m = KEY_LINE.exec(l);
    if (m) (keys[m[1]] ??= []).push({ id: m[2], secret: m[3], account: m[4] });
  }
  return {
    url,
    tlsUrl,
    pid: child.pid,
    keys,
    // What the server wrote once it was up: the start-up banner (with the public sandbox keys) left out.
    log: () => stdout.slice(bannerEnd) + stderr,
    stop: () => stopChild(child, exited),
  };
}

async function stopChild(child, exited) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timeout = new Promise((resolve) => setTimeout(() => resolve("timeout"), 3_000).unref());
  if ((await Promise.race([exited, timeout])) === "timeout") {
    try {
      process.kill(child.pid, "SIGKILL");
    } catch {
      // gone meanwhile
    }
    await exited;
  }
}

/** POST /_emulator/reset: the emulator forgets the images created so far. */
export async function resetEmulator(url) {
  const res = await fetch(new URL("_emulator/reset", url), { method: "POST" });
  if (!res.ok) throw new Error(`POST /_emulator/reset: HTTP ${res.status}`);
}

/** GET /_emulator/state: `{imageDelaySeconds, nowMs, images: [{provider, imageId, requestId, status, …}]}`. */
export async function emulatorState(url) {
  const res = await fetch(new URL("_emulator/state", url));
  if (!res.ok) throw new Error(`GET /_emulator/state: HTTP ${res.status}`);
  return res.json();
}

/** `createimage explain --provider P CODE --json`: the catalog rows, as the console must show them. */
export function explain(provider, code) {
  return JSON.parse(execFileSync(BIN, ["explain", "--provider", provider, code, "--json"], { encoding: "utf8" }));
}

/** `createimage check --provider P --json -` on one request object (exit 1 = has errors, still a report). */
export function check(provider, request) {
  try {
    return JSON.parse(execFileSync(BIN, ["check", "--provider", provider, "--json", "-"], { input: JSON.stringify(request), encoding: "utf8" }));
  } catch (e) {
    if (e.status === 1 && e.stdout) return JSON.parse(e.stdout);
    throw e;
  }
}
