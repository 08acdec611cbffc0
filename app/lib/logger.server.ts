// Structured logs: one JSON object per line in production (for the operator's log pipeline), readable
// lines in development. Nothing secret is ever a field: requests are logged by route id, never by URL
// (invitation links carry tokens), and no header, cookie, password, code or token is passed to the logger.
import pino from "pino";

const production = process.env.NODE_ENV === "production";
const quiet = process.env.VITEST || process.env.LOG_LEVEL === "silent";

export const logger = pino({
  level: quiet ? "silent" : (process.env.LOG_LEVEL ?? "info"),
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  // A value that slipped into an error object by mistake is still not written out.
  redact: { paths: ["*.password", "*.token", "*.code", "*.cookie", "*.authorization", "req.headers"], censor: "[hidden]" },
  ...(production || quiet ? {} : { transport: { target: "pino-pretty", options: { colorize: true, translateTime: "HH:MM:ss", ignore: "pid,hostname", singleLine: true } } }),
});
