// The HTTP server for development and production alike: the methods we answer, security headers, the
// cross-site request check on every state-changing request, request bodies read up to a limit, static
// assets, then Remix; and the instance's background work. Policy (limits, the proxy setting, what runs
// in the background) comes from the app's build (app/server-hooks.server.ts), so there is one of each.
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { Transform } from "node:stream";
import express from "express";
import compression from "compression";
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";

const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? (production ? "0.0.0.0" : "127.0.0.1");
/** How long requests in flight may take to finish once the server is asked to stop. */
const SHUTDOWN_DEADLINE_MS = Number(process.env.SHUTDOWN_DEADLINE_MS ?? 10_000);

const vite = production
  ? undefined
  : await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
const productionBuild = vite ? undefined : await import("./build/server/index.js");
const loadBuild = vite ? () => vite.ssrLoadModule("virtual:remix/server-build") : async () => productionBuild;
const hooks = async () => (await loadBuild()).entry.module.serverHooks;

let config;
try {
  config = (await hooks()).configuration();
} catch (error) {
  console.error(error?.message ?? error);
  process.exit(1);
}

const app = express();
app.disable("x-powered-by");
// Express reads X-Forwarded-For from the right, past the proxies we trust (a hop count or their
// addresses): what a client writes on the left changes nothing.
app.set("trust proxy", config.trustProxy);
app.use(compression());

// Methods nobody here answers (TRACE, PUT, …) are refused before anything else looks at them.
const METHODS = new Set(["GET", "HEAD", "POST"]);
app.use((req, res, next) => {
  if (METHODS.has(req.method)) return next();
  res.status(405).set("Allow", [...METHODS].join(", ")).type("text/plain").send("Method not allowed.");
});

app.use((req, res, next) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (production) {
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        // Polaris sets inline style attributes.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
      ].join("; "),
    );
    res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  next();
});

// Cross-site request forgery: every request that may change state must come from our own pages.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
app.use((req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const origin = req.headers.origin;
  const expected = config.appOrigin ?? `${req.protocol}://${req.headers.host}`;
  if (origin && origin === expected) return next();
  res.status(403).type("text/plain").send("Cross-site request refused: the Origin header is missing or is not this site.");
});

if (vite) {
  app.use(vite.middlewares);
} else {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  // The other public files (favicon, illustrations) are known when the server starts: a page request goes
  // straight to Remix instead of costing a file-system lookup first.
  const publicFiles = new Set(readdirSync("build/client").filter((name) => name !== "assets"));
  const servePublic = express.static("build/client", { maxAge: "1h" });
  app.use((req, res, next) => (publicFiles.has(req.path.split("/")[1]) ? servePublic(req, res, next) : next()));
}

/**
 * The request body as Remix will read it, counted as it arrives whatever the transfer encoding: past
 * `limit` bytes (or when Content-Length already says so) the stream fails with the app's "too large"
 * error and nothing more is read from the socket.
 */
function limitedBody(req, limit, errorCode) {
  const state = { exceeded: false };
  const tooLarge = () => {
    state.exceeded = true;
    return Object.assign(new Error(`request body over ${limit} bytes`), { code: errorCode, limit });
  };
  if (Number(req.headers["content-length"]) > limit) {
    const error = tooLarge();
    return { state, stream: new ReadableStream({ start: (controller) => controller.error(error) }) };
  }
  let received = 0;
  const counter = new Transform({
    transform(chunk, _encoding, done) {
      received += chunk.length;
      if (received > limit) {
        req.unpipe(counter);
        req.pause();
        return done(tooLarge());
      }
      done(null, chunk);
    },
  });
  req.pipe(counter);
  return { state, stream: createReadableStreamFromReadable(counter) };
}

function remixHeaders(incoming) {
  const headers = new Headers();
  for (const [key, values] of Object.entries(incoming)) {
    for (const value of Array.isArray(values) ? values : [values]) if (value !== undefined) headers.append(key, value);
  }
  return headers;
}

async function sendRemixResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/** What @remix-run/express's handler does, with the body read through limitedBody. */
function remixHandler() {
  let handle;
  let handleFor;
  return async (req, res, next) => {
    try {
      const build = await loadBuild();
      if (handleFor !== build) {
        handle = createRequestHandler(build, process.env.NODE_ENV);
        handleFor = build;
      }
      const policy = build.entry.module.serverHooks;
      const controller = new AbortController();
      const headers = remixHeaders(req.headers);
      // Remix repeats the cross-site check against Host or X-Forwarded-Host and throws (a 500) on a
      // mismatch. Ours above is the one that decides: a client's X-Forwarded-Host means nothing, and a
      // request that passed ours carries its verified origin's host (behind a proxy, Host is the upstream's).
      headers.delete("x-forwarded-host");
      if (req.headers.origin && !SAFE_METHODS.has(req.method)) headers.set("host", new URL(req.headers.origin).host);
      const init = { method: req.method, headers, signal: controller.signal };
      let body;
      if (req.method !== "GET" && req.method !== "HEAD") {
        body = limitedBody(req, policy.bodyLimitFor(req.path), policy.bodyTooLargeCode);
        Object.assign(init, { body: body.stream, duplex: "half" });
      }
      res.on("close", () => res.writableFinished || controller.abort());
      const url = URL.parse(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`);
      if (!url) {
        res.status(400).type("text/plain").send("Bad request: the Host header is not a host name.");
        return;
      }
      // The load context (app/lib/load-context.ts): made here for this request alone.
      const context = { cspNonce: res.locals.cspNonce, clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown", shared: new Map() };
      const response = await handle(new Request(url.href, init), context);
      // A body left unread (refused before it was read, or cut off at the limit) is not drained: the
      // connection closes after this answer instead.
      if (body && !req.complete) res.setHeader("Connection", "close");
      if (body?.state.exceeded && response.status !== 413) {
        res.status(413).type("text/plain").send("The request body is larger than this address accepts.");
        return;
      }
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

app.all("*", remixHandler());

const background = (await hooks()).startBackgroundWork({
  onError: (what, error) => console.error(`${what} failed:`, error?.message ?? error),
});

const server = app.listen(port, host, () => {
  console.log(`Portier ${production ? "(production)" : "(development)"} on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
});
// Node's parser turns a method it does not know (FOO, BREW) into a 400 before Express sees it: say 405,
// like for the methods it knows and we don't answer.
server.on("clientError", (error, socket) => {
  if (!socket.writable) return socket.destroy();
  const status = error.code === "HPE_INVALID_METHOD" ? "405 Method Not Allowed\r\nAllow: GET, HEAD, POST" : error.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
});

// SIGTERM / SIGINT: stop taking connections, let requests in flight finish (up to the deadline), let the
// background loops finish their current item and give back what they claimed, close the database, exit 0.
let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing requests in flight, then stopping.`);
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  const deadline = setTimeout(() => server.closeAllConnections(), SHUTDOWN_DEADLINE_MS);
  deadline.unref();
  await Promise.all([closed, background.stop()]);
  await (await hooks()).disconnectDatabase();
  await vite?.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
