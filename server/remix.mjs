// Remix behind Express, as @remix-run/express would do it, with two differences: the request body is
// counted as it arrives and cut off at the limit the app sets for the address (whatever the transfer
// encoding), and every request gets its own load context (app/lib/load-context.ts).
import { randomUUID } from "node:crypto";
import { Transform } from "node:stream";
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";

/**
 * The body as Remix will read it. Past `limit` bytes (a body declared larger never gets here) the stream
 * fails with the app's "too large" error and nothing more is read from the socket.
 */
function limitedBody(req, limit, errorCode) {
  const state = { exceeded: false };
  const tooLarge = () => {
    state.exceeded = true;
    return Object.assign(new Error(`request body over ${limit} bytes`), { code: errorCode, limit });
  };
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

// Both languages: the answer is made before the app has read the session that holds the person's choice.
const TOO_LARGE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Request too large</title></head><body><main>
<h1>This request is too large</h1><p>What you sent is larger than this page accepts. Go back, make it smaller (a smaller file, shorter text) and try again.</p>
<h2 lang="fr">Requête trop volumineuse</h2><p lang="fr">Ce que vous avez envoyé dépasse ce que cette page accepte. Revenez en arrière, réduisez-le (un fichier plus petit, un texte plus court) et réessayez.</p>
</main></body></html>`;

function remixHeaders(incoming) {
  const headers = new Headers();
  for (const [key, values] of Object.entries(incoming)) {
    for (const value of Array.isArray(values) ? values : [values]) if (value !== undefined) headers.append(key, value);
  }
  return headers;
}

async function send(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/** `onAnswered(req, res, context)` runs once the answer is written (the request log). */
export function remixHandler({ loadBuild, onAnswered }) {
  let handle;
  let handleFor;
  return async (req, res, next) => {
    const context = { cspNonce: res.locals.cspNonce, clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown", shared: new Map(), requestId: randomUUID() };
    res.setHeader("X-Request-Id", context.requestId);
    res.on("finish", () => onAnswered(req, res, context));
    try {
      const build = await loadBuild();
      if (handleFor !== build) {
        handle = createRequestHandler(build, process.env.NODE_ENV);
        handleFor = build;
      }
      res.locals.build = build;
      const policy = build.entry.module.serverHooks;
      const controller = new AbortController();
      const headers = remixHeaders(req.headers);
      // Remix repeats the cross-site check against Host or X-Forwarded-Host and throws (a 500) on a
      // mismatch. Ours (server/edge.mjs) is the one that decides: a client's X-Forwarded-Host means
      // nothing, and a request that passed ours carries its verified origin's host.
      headers.delete("x-forwarded-host");
      if (req.headers.origin && req.method === "POST") headers.set("host", new URL(req.headers.origin).host);
      const init = { method: req.method, headers, signal: controller.signal };
      let body;
      if (req.method !== "GET" && req.method !== "HEAD") {
        const limit = policy.bodyLimitFor(req.path);
        // A body declared over the limit is refused before any action runs: an action that never reads
        // its form (sign out, an export) would otherwise act and then have its answer replaced by the 413.
        if (Number(req.headers["content-length"]) > limit) {
          res.setHeader("Connection", "close");
          res.status(413).type("html").send(TOO_LARGE_PAGE);
          return;
        }
        body = limitedBody(req, limit, policy.bodyTooLargeCode);
        Object.assign(init, { body: body.stream, duplex: "half" });
      }
      res.on("close", () => res.writableFinished || controller.abort());
      const url = URL.parse(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`);
      if (!url) {
        res.status(400).type("text/plain").send("Bad request: the Host header is not a host name.");
        return;
      }
      const response = await handle(new Request(url.href, init), context);
      // A body left unread (the action refused before reading it, or it was cut off at the limit): one of
      // a declared length, within the limit, is read and dropped, so the client still sending it gets the
      // answer rather than a reset connection; one of unknown length (chunked) is not drained: the
      // connection closes after this answer instead.
      if (body && !req.complete) {
        if (!body.state.exceeded && req.headers["content-length"] !== undefined) {
          req.unpipe();
          req.resume();
        } else res.setHeader("Connection", "close");
      }
      if (body?.state.exceeded && response.status !== 413) {
        res.status(413).type("html").send(TOO_LARGE_PAGE);
        return;
      }
      await send(res, response);
    } catch (error) {
      next(error);
    }
  };
}
