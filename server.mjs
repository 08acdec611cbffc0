// The HTTP server for development and production alike: security headers, the cross-site request
// check on every state-changing request, static assets, then Remix.
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";

const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? (production ? "0.0.0.0" : "127.0.0.1");

const vite = production
  ? undefined
  : await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY) app.set("trust proxy", true);
app.use(compression());

// The client's address and a request id (app/lib/request-scope.server.ts), set here and nowhere else:
// headers of the same names from outside are overwritten.
let requestCount = 0;
app.use((req, _res, next) => {
  req.headers["x-portier-remote-address"] = req.socket.remoteAddress ?? "unknown";
  req.headers["x-portier-request-id"] = String(++requestCount);
  next();
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
  const expected = process.env.APP_ORIGIN ?? `${req.protocol}://${req.headers.host}`;
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

const build = vite
  ? () => vite.ssrLoadModule("virtual:remix/server-build")
  : await import("./build/server/index.js");

app.all(
  "*",
  createRequestHandler({
    build,
    getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce }),
  }),
);

// Outgoing mail: delivered from the outbox in the background when SMTP_URL is set.
if (process.env.SMTP_URL) {
  // entry.server.tsx re-exports the deliverer, so it runs inside the same build as the app.
  const deliver = async () => {
    try {
      const current = typeof build === "function" ? await build() : build;
      await current.entry.module.deliverDueMail();
    } catch (error) {
      console.error("mail delivery failed:", error?.message ?? error);
    }
  };
  setInterval(deliver, Number(process.env.MAIL_INTERVAL_MS ?? 2000)).unref();
}

app.listen(port, host, () => {
  console.log(`Portier ${production ? "(production)" : "(development)"} on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
});
