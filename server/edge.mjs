// What every request meets before Remix: the methods we answer, the security headers and the CSP nonce,
// and the cross-site request check on every request that may change state.
import { randomBytes } from "node:crypto";

export const METHODS = new Set(["GET", "HEAD", "POST"]);
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** TRACE, PUT, … are refused before anything else looks at them. */
export function allowedMethods(req, res, next) {
  if (METHODS.has(req.method)) return next();
  res.status(405).set("Allow", [...METHODS].join(", ")).type("text/plain").send("Method not allowed.");
}

export function securityHeaders({ production }) {
  return (req, res, next) => {
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
  };
}

/** Cross-site request forgery: every request that may change state must come from our own pages. */
export function sameOrigin({ appOrigin }) {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.headers.origin;
    const expected = appOrigin ?? `${req.protocol}://${req.headers.host}`;
    if (origin && origin === expected) return next();
    res.status(403).type("text/plain").send("Cross-site request refused: the Origin header is missing or is not this site.");
  };
}

/**
 * Node's parser turns a method it does not know (FOO, BREW) into a 400 before Express sees it: say 405,
 * like for the methods it knows and we don't answer.
 */
export function answerClientErrors(server) {
  server.on("clientError", (error, socket) => {
    if (!socket.writable) return socket.destroy();
    const status =
      error.code === "HPE_INVALID_METHOD"
        ? `405 Method Not Allowed\r\nAllow: ${[...METHODS].join(", ")}`
        : error.code === "HPE_HEADER_OVERFLOW"
          ? "431 Request Header Fields Too Large"
          : "400 Bad Request";
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
}
