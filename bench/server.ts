// The production server under test, started the way `npm start` starts it (node server.mjs,
// NODE_ENV=production), on a free port, against the bench database.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function newestFile(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestFile(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds when there is no build, when app/ changed since, or when BENCH_BUILD=1. */
export async function ensureBuild(log: (message: string) => void): Promise<void> {
  const entry = "build/server/index.js";
  const stale = !existsSync(entry) || process.env.BENCH_BUILD === "1" || newestFile("app") > statSync(entry).mtimeMs;
  if (!stale) {
    log("Production build is up to date.");
    return;
  }
  log("Building the production bundle (npm run build)…");
  await new Promise<void>((resolve, reject) => {
    const child = spawn("npm", ["run", "build"], { stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`npm run build failed (${code})`))));
  });
}

export interface RunningServer {
  origin: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startServer(databaseEnv: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, ...databaseEnv, ...extraEnv, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", APP_ORIGIN: origin };
  if (!databaseEnv.DATABASE_URL) delete env.DATABASE_URL;
  // Mail stays in the outbox: the benchmark measures pages, not an SMTP server.
  delete env.SMTP_URL;
  env.MAIL_DELIVERY = "off";
  const child = spawn(process.execPath, ["server.mjs"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => {
    output += chunk;
    if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited during start-up:\n${output}`);
    try {
      const response = await fetch(`${origin}/login`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not answer within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    origin,
    child,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** Signs in through the real form, as a browser does; returns the Cookie header value. */
export async function logIn(origin: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
    body: new URLSearchParams({ email, password, redirectTo: "" }),
    redirect: "manual",
  });
  const cookie = response.headers.getSetCookie().find((value) => value.includes("portier_session="));
  if (response.status !== 302 || !cookie) throw new Error(`logging in as ${email} failed: HTTP ${response.status}`);
  return cookie.split(";")[0];
}
