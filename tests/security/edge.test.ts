// The edge of the app, over raw HTTP against the production build: whatever a client puts in the method,
// the cookies, the headers or the size of the body, the answer is a clear 4xx, never a 5xx, and the
// server neither reads an oversized body into memory nor lets a client choose its own address.
import http from "node:http";
import net from "node:net";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import fc from "fast-check";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { db } from "~/lib/db.server";
import { FORM_BODY_LIMIT } from "~/lib/body-limit.server";
import { MATRIX } from "./authorization-matrix";
import { baseVars, fill } from "./support/matrix-walk";
import { openSession, seedWorld, type World } from "./support/world";
import { startServer, type AppServer } from "./support/server";
import { SESSION_COOKIE } from "./support/http";
import { recordFigure } from "./support/figures";

let t: TestDatabase;
let world: World;
let server: AppServer;
let requests = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  world = await seedWorld();
  server = await startServer({ databaseUrl: t.url! });
});
afterAll(async () => {
  recordFigure("edge.requests", requests, "raw HTTP requests at the edge (methods, cookies, headers, bodies)");
  await server?.stop();
  await t?.close();
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request exactly as given: any method, any header (repeated ones as arrays), any body, chunked or not. */
function raw(port: number, options: { method?: string; path: string; headers?: http.OutgoingHttpHeaders; body?: Buffer | string | (() => AsyncIterable<Buffer>) }): Promise<Raw> {
  requests++;
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, method: options.method ?? "GET", path: options.path, headers: options.headers, setHost: !options.headers?.host }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.on("error", reject);
    const body = options.body;
    if (typeof body === "function") {
      (async () => {
        try {
          for await (const chunk of body()) {
            if (request.destroyed) return;
            if (!request.write(chunk)) await new Promise((resume) => request.once("drain", resume));
          }
          request.end();
        } catch {
          // the server closed the connection after answering: expected for an oversized body
        }
      })();
    } else {
      request.end(body);
    }
  });
}

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;

/** Every route of the matrix, GET and POST, with the world's own ids in its path (rows that need prepared records are skipped). */
function everyRoute() {
  const vars = baseVars(world);
  const routes = new Map<string, { method: string; path: string }>();
  for (const row of MATRIX) {
    try {
      const path = fill(row.path, vars);
      routes.set(`${row.method} ${path}`, { method: row.method, path });
    } catch {
      // a placeholder only a cell's preparation provides
    }
  }
  return [...routes.values()];
}

describe("methods", () => {
  test("TRACE, PUT, DELETE and unknown methods are 405 with the methods we answer, on every route", async () => {
    const failures: string[] = [];
    for (const { path } of everyRoute()) {
      for (const method of ["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND", "FOO"]) {
        const sent = await raw(server.port, { method, path, headers: { origin: server.baseUrl } });
        if (sent.status !== 405 || sent.headers.allow !== "GET, HEAD, POST") failures.push(`${method} ${path}: ${sent.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  test("HEAD is answered like GET, without a body", async () => {
    const sent = await raw(server.port, { method: "HEAD", path: "/login" });
    expect(sent.status).toBe(200);
    expect(sent.body).toBe("");
  });
});

describe("cookies and headers", () => {
  const malformedCookies = [
    `${SESSION_COOKIE}=%zz`,
    `${SESSION_COOKIE}=%`,
    `${SESSION_COOKIE}=%E0%A4%A`,
    `${SESSION_COOKIE}=${"a".repeat(4000)}`,
    `${SESSION_COOKIE}="unterminated`,
    `${SESSION_COOKIE}=; ${SESSION_COOKIE}=%zz`,
    "portier_lang=%; portier_lang=xx",
    "=; ;;; =%%; a",
    `${SESSION_COOKIE}=\u00e9t\u00e9`,
  ];

  test("a malformed session or language cookie is no cookie: /login answers 200, a private page sends to sign-in", async () => {
    for (const cookie of malformedCookies) {
      const login = await raw(server.port, { path: "/login", headers: { cookie: Buffer.from(cookie, "latin1").toString("latin1") } });
      expect(login.status, cookie).toBe(200);
      const account = await raw(server.port, { path: "/account", headers: { cookie } });
      expect(account.status, cookie).toBe(302);
      expect(account.headers.location, cookie).toMatch(/^\/login/);
    }
  });

  test("a good session beside malformed cookies still counts", async () => {
    const token = await openSession(world, "owner");
    const sent = await raw(server.port, { path: "/account", headers: { cookie: [`portier_lang=%zz`, `${SESSION_COOKIE}=${token}`, "x=%E0%A4%A"] } });
    expect(sent.status).toBe(200);
  });

  /** Node refuses to send control characters in a header; everything else goes on the wire as is. */
  const sendable = (value: string) => value.replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, "");
  const cookieValue = fc.oneof(
    fc.constantFrom(...malformedCookies),
    fc.string({ unit: "binary-ascii", maxLength: 200 }).map((value) => `${SESSION_COOKIE}=${sendable(value)}`),
    fc.string({ unit: "binary-ascii", maxLength: 60 }).map((value) => sendable(value)),
  );
  const headerValue = fc.oneof(
    fc.constantFrom("", " ", "%zz", "\u00ff\u00fe", "a".repeat(7000), "*/*;q=NaN", "xx-XX;q=2, ;q=", "multipart/form-data", "multipart/form-data; boundary=", "application/x-www-form-urlencoded; charset=bogus", "null", "http://evil.example", "203.0.113.9, , garbage, ::1"),
    fc.string({ unit: "binary-ascii", maxLength: 80 }).map((value) => sendable(value)),
  );
  const headerName = fc.constantFrom("accept-language", "accept", "content-type", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "referer", "user-agent", "if-none-match", "range", "x-portier-remote-address", "x-portier-request-id", "origin");

  const RUNS = Number(process.env.SECURITY_EDGE_RUNS ?? 300);
  test("random cookies and headers, repeated or huge, on every route: never a 5xx", async () => {
    const routes = everyRoute();
    const failures: string[] = [];
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.array(cookieValue, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(headerName, headerValue), { maxLength: 4 }),
        async (route, cookies, extra) => {
          const headers: Record<string, string | string[]> = { cookie: cookies.length === 1 ? cookies[0] : cookies };
          for (const [name, value] of extra) headers[name] = headers[name] ? [...[headers[name]].flat(), value] : value;
          if (route.method === "POST") headers.origin ??= server.baseUrl;
          let sent: Raw;
          try {
            sent = await raw(server.port, { method: route.method, path: route.path, headers, body: route.method === "POST" ? "a=1" : undefined });
          } catch (error) {
            // Node refuses some header values before sending them: not the server's answer.
            if (/Invalid character|ERR_INVALID_CHAR|ERR_HTTP_INVALID_HEADER_VALUE/.test(String(error))) return;
            throw error;
          }
          answered++;
          if (sent.status >= 500) failures.push(`${route.method} ${route.path} ${JSON.stringify(headers).slice(0, 300)}: ${sent.status} ${sent.body.slice(0, 200)}`);
        },
      ),
      { numRuns: RUNS },
    );
    expect(failures).toEqual([]);
    // Most cases reach the server (Node itself refuses a few header values before sending them).
    expect(answered).toBeGreaterThan(RUNS * 0.8);
  });

  test("a Host header that is not a host name is a 400", async () => {
    for (const host of ["a b", "[::1", "%zz", "exa mple.test:80"]) {
      const sent = await raw(server.port, { path: "/login", headers: { host } });
      expect(sent.status, host).toBe(400);
    }
  });
});

describe("request bodies are limited while they are read", () => {
  const zeros = (total: number, chunk = 64 * 1024) =>
    async function* () {
      const piece = Buffer.alloc(chunk, "a");
      for (let sent = 0; sent < total; sent += chunk) yield piece;
    };

  test("a chunked 100 MB form post to /login, with no sign-in, is a 413 and the server's memory does not grow with it", async () => {
    await raw(server.port, { path: "/login" });
    const before = rssOf(server.process.pid!);
    const started = Date.now();
    const sent = await raw(server.port, {
      method: "POST",
      path: "/login",
      headers: { origin: server.baseUrl, "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" },
      body: zeros(100 * 1024 * 1024),
    });
    const after = rssOf(server.process.pid!);
    expect(sent.status).toBe(413);
    expect(sent.headers.connection).toBe("close");
    expect(sent.body).toContain("This form is too large to send");
    // The server stopped at the limit: it answered long before 100 MB could cross, and kept under 30 MB more.
    expect(after - before).toBeLessThan(30 * 1024 * 1024);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect((await raw(server.port, { path: "/login" })).status).toBe(200);
  });

  test("a form just under the limit is read; one byte over it is a 413, declared or chunked", async () => {
    const under = `email=${"a".repeat(FORM_BODY_LIMIT - 200)}&password=x`;
    const ok = await raw(server.port, { method: "POST", path: "/login", headers: { origin: server.baseUrl, "content-type": "application/x-www-form-urlencoded" }, body: under });
    expect(ok.status).toBe(400);
    const over = "a".repeat(FORM_BODY_LIMIT + 1);
    const declared = await raw(server.port, { method: "POST", path: "/login", headers: { origin: server.baseUrl, "content-type": "application/x-www-form-urlencoded" }, body: over });
    expect(declared.status).toBe(413);
    const chunked = await raw(server.port, {
      method: "POST",
      path: "/login",
      headers: { origin: server.baseUrl, "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" },
      body: async function* () {
        yield Buffer.from(over.slice(0, 1000));
        yield Buffer.from(over.slice(1000));
      },
    });
    expect(chunked.status).toBe(413);
  });

  test("the CSV import has its own, larger limit, also for a chunked upload that declares no length", async () => {
    const token = await openSession(world, "owner");
    const path = `/store/${world.store.id}/customers/import`;
    const boundary = "----portier-edge";
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\nFirstname,Lastname,E-mail\r\n`);
    const sent = await raw(server.port, {
      method: "POST",
      path,
      headers: { origin: server.baseUrl, cookie: `${SESSION_COOKIE}=${token}`, "content-type": `multipart/form-data; boundary=${boundary}`, "transfer-encoding": "chunked" },
      body: async function* () {
        yield head;
        yield* zeros(40 * 1024 * 1024)();
      },
    });
    expect(sent.status).toBe(413);
    expect(await db().customer.count({ where: { storeId: world.store.id, email: { startsWith: "a" } } })).toBe(0);
    // A form of the same store's other pages keeps the small limit.
    const form = await raw(server.port, {
      method: "POST",
      path: `/store/${world.store.id}/customers/new`,
      headers: { origin: server.baseUrl, cookie: `${SESSION_COOKIE}=${token}`, "content-type": "application/x-www-form-urlencoded" },
      body: "firstName=" + "a".repeat(FORM_BODY_LIMIT + 10),
    });
    expect(form.status).toBe(413);
  });
});

describe("a body the action refused before reading it", () => {
  test("of a declared length: the client still sending it gets the answer, and the connection serves the next request", async () => {
    // A store this person cannot see refuses before the upload is read; the body arrives after the answer.
    const token = await openSession(world, "partnerB");
    const body = "x".repeat(200_000);
    const socket = net.connect(server.port, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    let received = "";
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    const closed = new Promise<boolean>((resolve) => socket.once("close", () => resolve(true)));
    const waitFor = async (pattern: RegExp) => {
      for (let i = 0; i < 200 && !pattern.test(received); i++) await new Promise((resolve) => setTimeout(resolve, 25));
      return pattern.test(received);
    };
    socket.write(
      `POST /store/${world.store.id}/customers/import HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${server.baseUrl}\r\nCookie: ${SESSION_COOKIE}=${token}\r\n` +
        `Content-Type: multipart/form-data; boundary=b\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 100)}`,
    );
    requests++;
    expect(await waitFor(/^HTTP\/1\.1 404/)).toBe(true);
    expect(received).not.toMatch(/\r\nconnection: close\r\n/i);
    socket.write(body.slice(100));
    socket.write(`GET /login HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`);
    requests++;
    expect(await waitFor(/HTTP\/1\.1 200/)).toBe(true);
    socket.destroy();
    await closed;
  });
});

describe("the client address behind a proxy", () => {
  let proxied: AppServer;
  beforeAll(async () => {
    proxied = await startServer({ databaseUrl: t.url!, env: { TRUST_PROXY: "1" } });
  });
  afterAll(() => proxied?.stop());

  test("with TRUST_PROXY=1 the address is the entry our proxy appended: a spoofed left entry changes nothing", async () => {
    const email = `spoof-${Date.now()}@example.test`;
    for (let n = 1; n <= 12; n++) {
      const sent = await raw(proxied.port, {
        method: "POST",
        path: "/login",
        headers: { origin: proxied.baseUrl, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `203.0.113.${n}, 198.51.100.7` },
        body: `email=${encodeURIComponent(email)}&password=wrong-password-${n}`,
      });
      expect(sent.status).toBeLessThan(500);
    }
    const attempts = await db().loginAttempt.findMany({ where: { email }, select: { ip: true } });
    expect(attempts.length).toBeGreaterThan(0);
    expect(new Set(attempts.map((a) => a.ip))).toEqual(new Set(["198.51.100.7"]));
  });

  test("without TRUST_PROXY, X-Forwarded-For is ignored: the address is the socket's", async () => {
    const email = `direct-${Date.now()}@example.test`;
    await raw(server.port, {
      method: "POST",
      path: "/login",
      headers: { origin: server.baseUrl, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "203.0.113.50" },
      body: `email=${encodeURIComponent(email)}&password=wrong-password`,
    });
    const attempts = await db().loginAttempt.findMany({ where: { email }, select: { ip: true } });
    expect(attempts.map((a) => a.ip)).toEqual(["127.0.0.1"]);
  });
});
