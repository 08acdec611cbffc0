// Calling route modules the way Remix calls them, for integration tests: a request, its params, and the
// load context server.mjs would give it; and what the route answered, thrown or returned.
import { randomUUID } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { db } from "~/lib/db.server";
import { hashToken } from "~/lib/tokens.server";
import { sessionCookieName } from "~/lib/cookies.server";
import { decodeMessage } from "~/i18n/messages";

export function loadContext(clientAddress = "203.0.113.9"): AppLoadContext {
  return { clientAddress, shared: new Map(), cspNonce: "test", requestId: randomUUID() };
}

export function routeArgs(request: Request, params: Record<string, string> = {}, context = loadContext()) {
  return { request, params, context };
}

export function get(path: string, cookie?: string) {
  return new Request(`http://localhost${path}`, { headers: cookie ? { cookie } : {} });
}

export function post(path: string, cookie: string | undefined, fields: Record<string, string> | [string, string][]) {
  return new Request(`http://localhost${path}`, { method: "POST", headers: cookie ? { cookie } : {}, body: new URLSearchParams(fields) });
}

export interface Outcome {
  status: number;
  body: unknown;
  location?: string | null;
}

/** What a route threw or returned, as status + body (+ location for redirects). */
export async function outcome(run: Promise<unknown> | (() => Promise<unknown>)): Promise<Outcome> {
  const settle = (value: unknown): Outcome => {
    if (value instanceof Response) return { status: value.status, body: null, location: value.headers.get("location") };
    const record = value as { init?: { status?: number }; data?: unknown; type?: string };
    if (record && record.type === "DataWithResponseInit") return { status: record.init?.status ?? 200, body: record.data };
    return { status: 200, body: value };
  };
  try {
    return settle(await (typeof run === "function" ? run() : run));
  } catch (thrown) {
    return settle(thrown);
  }
}

/** The field errors of an answer (conform's reply: `error`, "" for the form's own), as field → message key. */
export function errorsOf(body: unknown): Record<string, string> {
  const error = (body as { error?: Record<string, string[] | null> } | null)?.error ?? {};
  const errors: Record<string, string> = {};
  for (const [field, messages] of Object.entries(error)) if (messages?.[0]) errors[field || "form"] = decodeMessage(messages[0]).key;
  return errors;
}

/** The toast an action left in the session of this cookie, as its message key (and parameters). */
export async function toastOf(cookie: string): Promise<{ key: string; params?: Record<string, string | number> } | null> {
  const token = decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1).split(";")[0]);
  const session = await db().session.findUnique({ where: { id: hashToken(token) }, select: { flash: true } });
  const flash = session?.flash as { message?: string } | null;
  return flash?.message ? decodeMessage(flash.message) : null;
}

export const cookieName = sessionCookieName;
