import { describe, expect, test } from "vitest";
import { parseEnv } from "~/lib/env.server";

describe("TRUST_PROXY", () => {
  test("unset, empty, false or 0: X-Forwarded-For is not read", () => {
    for (const value of [undefined, "", "false", "0"]) expect(parseEnv({ TRUST_PROXY: value }).TRUST_PROXY).toBe(false);
  });

  test("a hop count, or the proxies' addresses and ranges, go to Express as they are", () => {
    expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ TRUST_PROXY: "loopback, 10.0.0.0/8,fd00::/8" }).TRUST_PROXY).toBe("loopback, 10.0.0.0/8, fd00::/8");
  });

  test("`true` (every hop, so the client's own left entry) and nonsense stop the start with a message naming the variable", () => {
    expect(() => parseEnv({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY: trusting every hop would let a client choose its own address/);
    expect(() => parseEnv({ TRUST_PROXY: "my-proxy.internal" })).toThrow(/TRUST_PROXY: not a hop count, an address.*my-proxy\.internal/);
  });
});

describe("the rest of the configuration", () => {
  test("a wrong value is named with what is wrong", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => parseEnv({ MAIL_INTERVAL_MS: "soon" })).toThrow(/MAIL_INTERVAL_MS/);
  });
});

describe("production refuses to start without what it needs", () => {
  const production = { NODE_ENV: "production", APP_ORIGIN: "https://portier.example", SMTP_URL: "smtp://mail.example:587" };

  test("a complete production configuration starts", () => {
    expect(parseEnv(production).APP_ORIGIN).toBe("https://portier.example");
    expect(parseEnv({ ...production, SMTP_URL: undefined, MAIL_DELIVERY: "off" }).MAIL_DELIVERY).toBe("off");
    // A loopback origin may be plain http (a local production run, CI).
    expect(parseEnv({ ...production, APP_ORIGIN: "http://127.0.0.1:3101" }).APP_ORIGIN).toBe("http://127.0.0.1:3101");
  });

  test("no APP_ORIGIN, a non-HTTPS one, or one with a path: named, with why", () => {
    expect(() => parseEnv({ ...production, APP_ORIGIN: undefined })).toThrow(/APP_ORIGIN: required in production/);
    expect(() => parseEnv({ ...production, APP_ORIGIN: "http://portier.example" })).toThrow(/APP_ORIGIN: must be https:\/\/ in production/);
    expect(() => parseEnv({ ...production, APP_ORIGIN: "https://portier.example/app" })).toThrow(/APP_ORIGIN: an origin only/);
  });

  test("no SMTP_URL unless mail delivery is turned off on purpose", () => {
    expect(() => parseEnv({ ...production, SMTP_URL: undefined })).toThrow(/SMTP_URL: required in production to deliver mail; set MAIL_DELIVERY=off/);
  });

  test("development needs none of it", () => {
    expect(parseEnv({ NODE_ENV: "development" }).APP_ORIGIN).toBeUndefined();
  });
});
