// Sessions live in the database: signing out or revoking access ends them on the server, at once. The
// session also carries the flash: the toast an action leaves for the next page.
import { randomUUID } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/lib/db.server";
import { hashToken, newToken } from "~/lib/tokens.server";
import { SESSION_DAYS } from "~/domain/auth";

export interface Flash {
  id: string;
  /** An encoded message (app/i18n/messages.ts). */
  message: string;
}

export interface SessionUser {
  sessionId: string;
  user: { id: string; email: string; firstName: string; lastName: string; locale: "en" | "fr" | null };
  flash: Flash | null;
}

export async function startSession(tx: Tx, userId: string, meta: { ip?: string; userAgent?: string | null }) {
  const { token, hash } = newToken();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await tx.session.create({
    data: { id: hash, userId, expiresAt, ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 300) ?? null },
  });
  return { token, expiresAt };
}

function flashOf(value: Prisma.JsonValue | null): Flash | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const { id, message } = value as Record<string, unknown>;
  return typeof id === "string" && typeof message === "string" ? { id, message } : null;
}

export async function findSession(token: string | undefined): Promise<SessionUser | null> {
  if (!token || token.length > 100) return null;
  const session = await db().session.findUnique({
    where: { id: hashToken(token) },
    select: {
      id: true,
      expiresAt: true,
      flash: true,
      user: { select: { id: true, email: true, firstName: true, lastName: true, locale: true } },
    },
  });
  if (!session) return null;
  if (session.expiresAt.getTime() <= Date.now()) {
    await db().session.deleteMany({ where: { id: session.id } });
    return null;
  }
  return { sessionId: session.id, user: session.user, flash: flashOf(session.flash) };
}

/** Leaves a toast for the next page this session opens (replacing one not shown yet). */
export async function setFlash(sessionId: string, message: string): Promise<void> {
  await db().session.updateMany({ where: { id: sessionId }, data: { flash: { id: randomUUID(), message } } });
}

/** The page that shows a flash takes it: unless a newer one arrived meanwhile, it is gone. */
export async function takeFlash(sessionId: string, flash: Flash): Promise<void> {
  await db().$executeRaw`UPDATE "Session" SET "flash" = NULL WHERE "id" = ${sessionId} AND "flash"->>'id' = ${flash.id}`;
}

export async function endSession(token: string | undefined): Promise<void> {
  if (!token) return;
  await db().session.deleteMany({ where: { id: hashToken(token) } });
}

export async function setUserLocale(userId: string, locale: "en" | "fr"): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { locale } });
}
