// Sessions live in the database: signing out or revoking access ends them on the server, at once.
import { db, type Tx } from "~/lib/db.server";
import { hashToken, newToken } from "~/lib/tokens.server";
import { SESSION_DAYS } from "~/domain/auth";

export interface SessionUser {
  sessionId: string;
  user: { id: string; email: string; firstName: string; lastName: string; locale: "en" | "fr" | null };
}

export async function startSession(tx: Tx, userId: string, meta: { ip?: string; userAgent?: string | null }) {
  const { token, hash } = newToken();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await tx.session.create({
    data: { id: hash, userId, expiresAt, ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 300) ?? null },
  });
  return { token, expiresAt };
}

export async function findSession(token: string | undefined): Promise<SessionUser | null> {
  if (!token || token.length > 100) return null;
  const session = await db().session.findUnique({
    where: { id: hashToken(token) },
    select: {
      id: true,
      expiresAt: true,
      user: { select: { id: true, email: true, firstName: true, lastName: true, locale: true } },
    },
  });
  if (!session) return null;
  if (session.expiresAt.getTime() <= Date.now()) {
    await db().session.deleteMany({ where: { id: session.id } });
    return null;
  }
  return { sessionId: session.id, user: session.user };
}

export async function endSession(token: string | undefined): Promise<void> {
  if (!token) return;
  await db().session.deleteMany({ where: { id: hashToken(token) } });
}

export async function setUserLocale(userId: string, locale: "en" | "fr"): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { locale } });
}
