// Starts the production build (`node server.mjs`, NODE_ENV=production) against a given PostgreSQL
// database, as `npm start` would run it behind its migrations.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { existsSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../../..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface AppServer {
  baseUrl: string;
  port: number;
  process: ChildProcess;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** A PostgreSQL database (`databaseUrl`), or an embedded one in a data folder the server then owns alone (`pgliteDataDir`). */
export async function startServer(options: { databaseUrl?: string; pgliteDataDir?: string; env?: Record<string, string>; port?: number }): Promise<AppServer> {
  if (!existsSync(path.join(ROOT, "build/server/index.js"))) {
    throw new Error("No production build: run `npm run build` (npm run test:security does it for you).");
  }
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(process.execPath, ["server.mjs"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_ORIGIN: baseUrl,
      DATABASE_URL: options.databaseUrl ?? "",
      PGLITE_DATA_DIR: options.pgliteDataDir ?? "",
      SMTP_URL: "",
      MAIL_DELIVERY: "off",
      LOG_LEVEL: "warn",
      VITEST: "",
      ...options.env,
    },
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  child.on("exit", () => (exited = true));

  for (let i = 0; ; i++) {
    if (exited) throw new Error(`the app server exited at start:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/login`, { redirect: "manual" });
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (i > 240) throw new Error(`the app server did not start in time:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    baseUrl,
    port,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => {
          if (!exited) child.kill("SIGKILL");
        }, 5_000).unref();
      }),
  };
}

/** A server somebody else started and will stop (CI's `npm start` instances). */
export function runningServer(baseUrl: string): AppServer {
  const url = new URL(baseUrl);
  return {
    baseUrl: url.origin,
    port: Number(url.port),
    process: undefined as unknown as ChildProcess,
    output: () => "",
    stop: async () => {},
  };
}
