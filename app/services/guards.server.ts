// Who is asking: the route guards. Each reads the session cookie, resolves the person (and, in a store,
// what they are there) through the services below, and turns "no" into the answer every page gives: a
// redirect to sign-in, a 403 or a 404, rendered in the frame. The one service module that reads a
// Request, because deciding who sent it is its use case. Lookups are shared by the loaders of one request.
import { redirect } from "@remix-run/node";
import { deviceCookieName, readCookie, serializeCookie, sessionCookieName } from "~/lib/cookies.server";
import { forbidden, notFound } from "~/lib/http.server";
import { sharedWithinRequest } from "~/lib/request-scope.server";
import { clientAddressOf, type RequestArgs } from "~/lib/load-context";
import { can, type Level, type Section } from "~/domain/permissions";
import { isUuid } from "~/domain/ids";
import { findSession, setFlash, type SessionUser } from "./sessions.server";
import { resolveStoreActor, type StoreActor } from "./store-access.server";
import { membershipOf } from "./organizations.server";

export type { RequestArgs } from "~/lib/load-context";

export function sessionToken(request: Request): string | undefined {
  return readCookie(request, sessionCookieName());
}

/** The person signed in on this request, or null; one lookup serves the root, layout and page loaders. */
export async function getSessionUser(args: RequestArgs): Promise<SessionUser | null> {
  const session = await sharedWithinRequest(args.context, "session", () => findSession(sessionToken(args.request)));
  if (session) args.context.userId = session.user.id;
  return session;
}

export function sessionCookie(token: string, expiresAt: Date): string {
  return serializeCookie(sessionCookieName(), token, { maxAgeSeconds: Math.floor((expiresAt.getTime() - Date.now()) / 1000) });
}

/** The browser's trusted-device token, if it has one (sign-in reads it; see auth.server signIn). */
export function deviceToken(request: Request): string | undefined {
  return readCookie(request, deviceCookieName());
}

export function deviceCookie(token: string, expiresAt: Date): string {
  return serializeCookie(deviceCookieName(), token, { maxAgeSeconds: Math.floor((expiresAt.getTime() - Date.now()) / 1000) });
}

export function clearSessionCookie(): string {
  return serializeCookie(sessionCookieName(), "", { maxAgeSeconds: 0 });
}

/** Where the request comes from, for throttles and the activity log. */
export function requestMeta(args: RequestArgs) {
  return { ip: clientAddressOf(args), userAgent: args.request.headers.get("user-agent") };
}

/** What an action of a signed-in person needs besides who they are: the toast for the next page. */
export interface Signed {
  session: SessionUser;
  ip: string;
  /** Leaves a toast (an encoded message) for the next page of this session. */
  flash: (message: string) => Promise<void>;
}

function signed(args: RequestArgs, session: SessionUser): Signed {
  return { session, ip: clientAddressOf(args), flash: (message) => setFlash(session.sessionId, message) };
}

export async function requireUser(args: RequestArgs): Promise<Signed> {
  const session = await getSessionUser(args);
  if (!session) {
    const url = new URL(args.request.url);
    const back = args.request.method === "GET" ? `?redirectTo=${encodeURIComponent(url.pathname + url.search)}` : "";
    throw redirect(`/login${back}`, { headers: { "Set-Cookie": clearSessionCookie() } });
  }
  return signed(args, session);
}

export async function requireMember(args: RequestArgs, organizationId: string | undefined) {
  const signedIn = await requireUser(args);
  if (!isUuid(organizationId)) notFound();
  const membership = await sharedWithinRequest(args.context, `member:${organizationId}`, () => membershipOf(signedIn.session.user.id, organizationId));
  if (!membership) notFound();
  return { ...signedIn, membership, organization: membership.organization };
}

export interface StoreContext extends Signed {
  actor: StoreActor;
}

export async function requireStoreActor(args: RequestArgs, storeId: string | undefined): Promise<StoreContext> {
  const signedIn = await requireUser(args);
  if (!storeId) notFound();
  const decision = await sharedWithinRequest(args.context, `store:${storeId}`, () => resolveStoreActor(signedIn.session, storeId));
  if (!decision.ok) return decision.reason === "notFound" ? notFound() : forbidden();
  return { ...signedIn, actor: decision.actor };
}

/** For a page or an action of one section at one level; the owner holds every permission. */
export async function requireSection(args: RequestArgs, storeId: string | undefined, section: Section, level: Level = "view"): Promise<StoreContext> {
  const context = await requireStoreActor(args, storeId);
  if (!can(context.actor.permissions, section, level)) forbidden();
  return context;
}
