import { isIP } from "node:net";
import { z } from "zod";

/**
 * TRUST_PROXY: how many reverse proxies stand in front of the app (a hop count), or their addresses
 * (comma-separated addresses, CIDR ranges, or Express's `loopback`, `linklocal`, `uniquelocal`). Express
 * then takes the client address from the right of X-Forwarded-For, past the proxies we trust. `true`
 * (trust every hop) is refused: the leftmost entry is whatever the client wrote there.
 */
const PROXY_KEYWORDS = new Set(["loopback", "linklocal", "uniquelocal"]);
const trustProxy = z
  .string()
  .optional()
  .transform((value, context): false | number | string => {
    const text = (value ?? "").trim();
    if (text === "" || text === "false" || text === "0") return false;
    if (/^\d+$/.test(text)) return Number(text);
    if (text === "true") {
      context.addIssue({ code: "custom", message: "trusting every hop would let a client choose its own address: give the number of proxies in front of the app (e.g. 1) or their addresses" });
      return z.NEVER;
    }
    const entries = text.split(",").map((entry) => entry.trim()).filter(Boolean);
    const invalid = entries.filter((entry) => !PROXY_KEYWORDS.has(entry) && !isIP(entry.split("/")[0]));
    if (invalid.length) {
      context.addIssue({ code: "custom", message: `not a hop count, an address, a CIDR range or loopback/linklocal/uniquelocal: ${invalid.join(", ")}` });
      return z.NEVER;
    }
    return entries.join(", ");
  });

const envSchema = z
  .object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Unset: embedded PGlite. postgres://… : a real PostgreSQL server. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Where PGlite keeps its files when DATABASE_URL is unset. */
  PGLITE_DATA_DIR: z.string().default(".data/pglite"),
  /** smtp://user:pass@host:port — unset: mails stay in the outbox, readable at /dev/mailbox. */
  SMTP_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().default("Portier <no-reply@portier.test>"),
  /** Pause between two outbox delivery runs (a run sends everything due, then waits this long). */
  MAIL_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(2000),
  /** Pause between two runs of the background-job runner (a run works until nothing is due). */
  JOBS_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(1000),
  /** Period of the collaborator-access sweep (warnings, ends, reminders): one sweep per period across instances. */
  ACCESS_SWEEP_EVERY_MS: z.coerce.number().int().min(1000).max(86_400_000).default(600_000),
  /** The public origin, used in links inside emails and for the cross-site check behind proxies. */
  APP_ORIGIN: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  TRUST_PROXY: trustProxy,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** `off`: mail stays in the outbox (read it at /dev/mailbox in development); production then needs it said. */
  MAIL_DELIVERY: z.enum(["smtp", "off"]).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SHUTDOWN_DEADLINE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  })
  .superRefine((config, context) => {
    if (config.NODE_ENV !== "production") return;
    // Links in mail must point at the public address; a guess from the request would be the proxy's.
    if (!config.APP_ORIGIN) {
      context.addIssue({ code: "custom", path: ["APP_ORIGIN"], message: "required in production: the public address, e.g. https://portier.example" });
    } else {
      const origin = new URL(config.APP_ORIGIN);
      const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(origin.hostname);
      if (origin.protocol !== "https:" && !loopback) {
        context.addIssue({ code: "custom", path: ["APP_ORIGIN"], message: "must be https:// in production (the session cookie is Secure); only a loopback address may use http://" });
      }
      if (origin.pathname !== "/" || origin.search || origin.hash) {
        context.addIssue({ code: "custom", path: ["APP_ORIGIN"], message: "an origin only: scheme, host and port, no path" });
      }
    }
    if (!config.SMTP_URL && config.MAIL_DELIVERY !== "off") {
      context.addIssue({ code: "custom", path: ["SMTP_URL"], message: "required in production to deliver mail; set MAIL_DELIVERY=off to keep mail in the outbox on purpose" });
    }
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The configuration these variables give, or an error naming each variable that is wrong and why. */
export function parseEnv(variables: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(variables);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

/** The process's configuration, validated once; server.mjs stops at start when it is wrong. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export const isProduction = () => env().NODE_ENV === "production";

/** The public origin links in mail point at: APP_ORIGIN (required in production), or this development server. */
export function appOrigin(): string {
  const config = env();
  return config.APP_ORIGIN ?? `http://localhost:${config.PORT}`;
}
