// @deprecated: the guards now live in app/services/guards.server.ts and take the loader's arguments.
// This shim keeps routes not yet converted working; it goes once the last route uses the new guards.
import { redirect } from "@remix-run/node";
import { readCookie, serializeCookie, sessionCookieName } from "./cookies.server";
import { forbidden, notFound, clientAddress } from "./http.server";
import { findSession, type SessionUser } from "~/services/sessions.server";
import { resolveStoreActor, type StoreActor } from "~/services/store-access.server";
import { membershipOf } from "~/services/organizations.server";
import { sharedWithinRequest } from "./request-scope.server";
import { can, type Level, type Section } from "~/domain/permissions";

export function sessionToken(request: Request): string | undefined {
  return readCookie(request, sessionCookieName());
}

// The root, layout and page loaders all ask; one database lookup per request serves them.
export function getSessionUser(request: Request): Promise<SessionUser | null> {
  return sharedWithinRequest({}, "session", () => findSession(sessionToken(request)));
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const session = await getSessionUser(request);
  if (!session) {
    const url = new URL(request.url);
    const back = request.method === "GET" ? `?redirectTo=${encodeURIComponent(url.pathname + url.search)}` : "";
    throw redirect(`/login${back}`, { headers: { "Set-Cookie": clearSessionCookie() } });
  }
  return session;
}

export function sessionCookie(token: string, expiresAt: Date): string {
  return serializeCookie(sessionCookieName(), token, { maxAgeSeconds: Math.floor((expiresAt.getTime() - Date.now()) / 1000) });
}

export function clearSessionCookie(): string {
  return serializeCookie(sessionCookieName(), "", { maxAgeSeconds: 0 });
}

export function requestMeta(request: Request) {
  return { ip: clientAddress(request), userAgent: request.headers.get("user-agent") };
}

export async function requireMember(request: Request, organizationId: string | undefined) {
  const session = await requireUser(request);
  if (!organizationId || !/^[0-9a-f-]{36}$/i.test(organizationId)) notFound();
  const membership = await sharedWithinRequest({}, `member:${organizationId}`, () => membershipOf(session.user.id, organizationId));
  if (!membership) notFound();
  return { session, membership, organization: membership.organization };
}

export interface StoreContext {
  session: SessionUser;
  actor: StoreActor;
}

export async function requireStoreActor(request: Request, storeId: string | undefined): Promise<StoreContext> {
  const session = await requireUser(request);
  if (!storeId) notFound();
  const decision = await sharedWithinRequest({}, `store:${storeId}`, () => resolveStoreActor(session, storeId));
  if (!decision.ok) return decision.reason === "notFound" ? notFound() : forbidden();
  return { session, actor: decision.actor };
}

/** For a page or an action of one section at one level; the owner holds every permission. */
export async function requireSection(request: Request, storeId: string | undefined, section: Section, level: Level = "view") {
  const context = await requireStoreActor(request, storeId);
  if (!can(context.actor.permissions, section, level)) forbidden();
  return context;
}
