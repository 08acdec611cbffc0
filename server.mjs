// The HTTP server for development and production alike. It speaks HTTP (server/edge.mjs: methods,
// headers, the cross-site check; server/remix.mjs: Remix with limited bodies and a load context per
// request), logs one line per request, runs this instance's background work, and stops gracefully.
// Policy (limits, the proxy setting, the logger, what runs in the background) comes from the app's build
// (app/server-hooks.server.ts), so there is one of each.
import { readdirSync } from "node:fs";
import express from "express";
import compression from "compression";
import { allowedMethods, answerClientErrors, sameOrigin, securityHeaders } from "./server/edge.mjs";
import { remixHandler } from "./server/remix.mjs";

const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? (production ? "0.0.0.0" : "127.0.0.1");

const vite = production
  ? undefined
  : await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
const productionBuild = vite ? undefined : await import("./build/server/index.js");
const loadBuild = vite ? () => vite.ssrLoadModule("virtual:remix/server-build") : async () => productionBuild;
const hooks = (await loadBuild()).entry.module.serverHooks;

let config;
try {
  config = hooks.configuration();
} catch (error) {
  console.error(error?.message ?? error);
  process.exit(1);
}
const log = hooks.logger;

const app = express();
app.disable("x-powered-by");
// Express reads X-Forwarded-For from the right, past the proxies we trust (a hop count or their
// addresses): what a client writes on the left changes nothing.
app.set("trust proxy", config.trustProxy);
app.use(compression());
app.use(allowedMethods);
app.use(securityHeaders({ production }));
app.use(sameOrigin({ appOrigin: config.appOrigin }));

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

// One line per request: which route (never the URL: links can carry tokens), who, how it ended.
function logRequest(req, res, context) {
  const build = res.locals.build;
  log.info({
    method: req.method,
    route: build ? hooks.routeIdFor(build.routes, req.path) : "unmatched",
    status: res.statusCode,
    durationMs: Math.round((performance.now() - res.locals.startedAt) * 10) / 10,
    requestId: context.requestId,
    userId: context.userId ?? null,
  }, "request");
}

app.use((_req, res, next) => {
  res.locals.startedAt = performance.now();
  next();
});
app.all("*", remixHandler({ loadBuild, onAnswered: logRequest }));

// An error no route caught: logged with the request's id, which the answer gives the person to quote.
app.use((error, req, res, _next) => {
  const requestId = res.getHeader("X-Request-Id");
  log.error({ err: error, requestId }, "unhandled error");
  if (res.headersSent) return res.end();
  res.status(500).type("text/plain").send(`Something went wrong. If you contact support, quote this reference: ${requestId}`);
});

const background = hooks.startBackgroundWork({
  onError: (what, error) => log.error({ err: error }, `${what} failed`),
});

const server = app.listen(port, host, () => {
  log.info({ port, host, mode: production ? "production" : "development" }, `Portier on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
});
answerClientErrors(server);

// SIGTERM / SIGINT: stop taking connections, let requests in flight finish (up to the deadline), let the
// background loops finish their current item and give back what they claimed, close the database, exit 0.
let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "stopping: finishing requests in flight");
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  const deadline = setTimeout(() => server.closeAllConnections(), config.shutdownDeadlineMs);
  deadline.unref();
  await Promise.all([closed, background.stop()]);
  await hooks.disconnectDatabase();
  await vite?.close();
  log.info("stopped");
  log.flush?.();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
