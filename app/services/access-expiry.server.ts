// Collaborator access over time (SPEC.md, "Collaborator access over time"): the owner's end date, and the
// sweep that warns both sides a week before an access ends (its end date, or the store's inactivity period
// after the organization's last log-in), then ends it ("Access removed", with the reason), and reminds the
// people who may decide of a request pending for 3 days.
//
// Once only, on any number of instances: each warning, end and reminder is claimed by ONE conditional
// UPDATE of its row (marker column still empty, condition still true), inside the transaction that writes
// its mails, notification and log entry, after the row locks every use case takes in the same order
// (organization, store, access). Two sweeps racing on the same row: the second waits for the first's
// locks, then its UPDATE sees the marker set (or the access ended) and matches nothing. A renewal (end date
// changed or cleared) or a log-in empties the marker and moves the date under the same locks.
import { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/lib/db.server";
import { inTransaction } from "~/lib/transaction.server";
import { REMINDER_DAYS, WARNING_DAYS, daysAfter, daysBefore, endDateProblem, endOfAccess, type EndReason } from "~/domain/access-expiry";
import { COLLABORATOR_STATES } from "~/domain/collaborator-access";
import { isUuid } from "~/domain/ids";
import { can } from "~/domain/permissions";
import { ok, refuse, type Result } from "~/domain/result";
import { logActivity, type Actor } from "./activity.server";
import { mailOrganization } from "./collaborator-decisions.server";
import { enqueueMail } from "./outbox.server";
import { lockAccess, lockOrganization, lockStore } from "./locks.server";
import type { StoreActor } from "./store-access.server";
import { staffManager } from "./store-admin.server";

const SYSTEM: Actor = { userId: null, label: "Portier", kind: "system" };
const dashboardPath = (organizationId: string) => `/partners/${organizationId}/stores`;
const collaboratorsPath = (storeId: string) => `/store/${storeId}/users/collaborators`;

/** The Home notifications this file writes (worded in app/components/home/NotificationRow.tsx). */
export const EXPIRY_NOTIFICATIONS = {
  soon: { end_date: "collaborator_access.end_date_soon", inactive: "collaborator_access.inactive_soon" },
  ended: { end_date: "collaborator_access.ended_end_date", inactive: "collaborator_access.ended_inactive" },
  reminder: "collaborator_request.reminder",
} as const;

// ---------------------------------------------------------------------------------------------------
// The owner's end date

/**
 * Sets (`endsOn`, a YYYY-MM-DD day in the future) or clears (undefined) the end date of one of the store's
 * collaborators. Either cancels a warning already sent: the sweep warns again a week before the new date.
 */
export async function setEndDate(actor: StoreActor, storeId: string, accessId: string, endsOn: string | undefined, ip?: string | null, now = new Date()): Promise<Result<{ organizationName: string; cleared: boolean }>> {
  if (!isUuid(accessId)) return refuse.notFound();
  const endsAt = endsOn === undefined ? null : endOfAccess(endsOn);
  if (endsOn !== undefined && !endsAt) return refuse.invalid("endsOn", "expiry.errors.invalid");
  const problem = endsAt && endDateProblem(endsAt, now);
  if (problem) return refuse.invalid("endsOn", problem);
  return inTransaction(async (tx) => {
    const manager = await staffManager(tx, actor, storeId, ip);
    if (!manager.ok) return manager;
    const found = await tx.collaboratorAccess.findFirst({ where: { id: accessId, storeId }, select: { organizationId: true } });
    if (!found) return refuse.notFound();
    await lockOrganization(tx, found.organizationId);
    await lockStore(tx, storeId);
    await lockAccess(tx, accessId);
    const access = await tx.collaboratorAccess.findUniqueOrThrow({ where: { id: accessId }, select: { state: true, endsAt: true, organization: { select: { name: true } } } });
    if (!(COLLABORATOR_STATES as readonly string[]).includes(access.state)) return refuse.notFound();
    const name = access.organization.name;
    if ((access.endsAt?.getTime() ?? null) === (endsAt?.getTime() ?? null)) return ok({ organizationName: name, cleared: endsAt === null });
    await tx.collaboratorAccess.update({ where: { id: accessId }, data: { endsAt, endWarnedAt: null } });
    await logActivity(tx, manager.value.activity, {
      action: endsAt ? "collaborator_access.end_date_set" : "collaborator_access.end_date_cleared",
      storeId,
      organizationId: found.organizationId,
      subject: name,
      details: { from: access.endsAt?.toISOString() ?? null, to: endsAt?.toISOString() ?? null },
    });
    return ok({ organizationName: name, cleared: endsAt === null });
  });
}

// ---------------------------------------------------------------------------------------------------
// The sweep

export interface SweepCounts {
  warned: number;
  ended: number;
  reminded: number;
}

interface Claimed {
  id: string;
  organizationId: string;
  storeId: string;
}

/** Runs `work` for one row under the usual locks; `claim` is the conditional UPDATE, returning the row or nothing. */
async function once<T>(row: Claimed, claim: (tx: Tx) => Promise<T | undefined>, work: (tx: Tx, claimed: T) => Promise<void>): Promise<boolean> {
  return inTransaction(async (tx) => {
    await lockOrganization(tx, row.organizationId);
    await lockStore(tx, row.storeId);
    await lockAccess(tx, row.id);
    const claimed = await claim(tx);
    if (claimed === undefined) return false;
    await work(tx, claimed);
    return true;
  });
}

interface AccessFacts {
  organizationName: string;
  storeName: string;
  storeDomain: string;
  inactivityDays: number;
  permissions: string[];
  owner: { email: string; locale: "en" | "fr" | null } | null;
}

async function factsOf(tx: Tx, accessId: string): Promise<AccessFacts> {
  const access = await tx.collaboratorAccess.findUniqueOrThrow({
    where: { id: accessId },
    select: {
      permissions: true,
      organization: { select: { name: true } },
      store: {
        select: {
          id: true,
          name: true,
          domain: true,
          inactivityDays: true,
          staffAccounts: { where: { isOwner: true }, select: { email: true, user: { select: { locale: true } } }, take: 1 },
        },
      },
    },
  });
  const owner = access.store.staffAccounts[0];
  return {
    organizationName: access.organization.name,
    storeName: access.store.name,
    storeDomain: access.store.domain,
    inactivityDays: access.store.inactivityDays,
    permissions: access.permissions,
    owner: owner ? { email: owner.email, locale: owner.user?.locale ?? null } : null,
  };
}

/** Both sides told, once: the organization's members and the owner by mail, the owner on Home, the log. */
async function warn(tx: Tx, row: Claimed, endsAt: Date, reason: EndReason): Promise<void> {
  const facts = await factsOf(tx, row.id);
  const iso = endsAt.toISOString();
  await mailOrganization(tx, row.organizationId, { kind: "accessEndingSoon", params: { store: facts.storeName, domain: facts.storeDomain, endsAt: iso, reason, dashboardPath: dashboardPath(row.organizationId) } });
  if (facts.owner) {
    await enqueueMail(tx, { to: facts.owner.email, locale: facts.owner.locale, mail: { kind: "collaboratorEndingSoon", params: { organization: facts.organizationName, store: facts.storeName, endsAt: iso, reason, collaboratorsPath: collaboratorsPath(row.storeId) } } });
  }
  await tx.notification.create({ data: { storeId: row.storeId, kind: EXPIRY_NOTIFICATIONS.soon[reason], params: { organizationId: row.organizationId, organizationName: facts.organizationName, date: iso } } });
  await logActivity(tx, SYSTEM, {
    action: reason === "end_date" ? "collaborator_access.end_warned" : "collaborator_access.inactivity_warned",
    storeId: row.storeId,
    organizationId: row.organizationId,
    subject: facts.organizationName,
    details: { endsAt: iso },
  });
}

/** The access ends as "Remove collaborator" ends it (state, permissions, sessions), saying why. */
async function end(tx: Tx, row: Claimed, reason: EndReason, permissions: string[]): Promise<void> {
  const facts = await factsOf(tx, row.id);
  await tx.collaboratorSession.deleteMany({ where: { accessId: row.id } });
  await mailOrganization(tx, row.organizationId, { kind: "accessEnded", params: { store: facts.storeName, domain: facts.storeDomain, reason, inactivityDays: facts.inactivityDays } });
  await tx.notification.create({ data: { storeId: row.storeId, kind: EXPIRY_NOTIFICATIONS.ended[reason], params: { organizationId: row.organizationId, organizationName: facts.organizationName } } });
  await logActivity(tx, SYSTEM, {
    action: reason === "end_date" ? "collaborator_access.ended_end_date" : "collaborator_access.ended_inactive",
    storeId: row.storeId,
    organizationId: row.organizationId,
    subject: facts.organizationName,
    details: { reason, permissions },
  });
}

const HOLDING = Prisma.sql`a."state" IN ('MANAGED', 'SUSPENDED')`;
/** The inactivity deadline of an access `a` of store `s`: its last log-in (or grant) plus the store's period. */
const DEADLINE = Prisma.sql`(coalesce(a."lastUsedAt", a."grantedAt") + make_interval(days => s."inactivityDays"))`;

async function candidates(condition: Prisma.Sql): Promise<Claimed[]> {
  return db().$queryRaw<Claimed[]>`
    SELECT a."id"::text AS "id", a."organizationId"::text AS "organizationId", a."storeId"::text AS "storeId"
    FROM "CollaboratorAccess" a JOIN "Store" s ON s."id" = a."storeId"
    WHERE ${condition}
    ORDER BY a."id" LIMIT 500`;
}

/** The warnings and ends due at `now`, each done once; then the request reminders. */
export async function sweepAccessExpiry(now: Date): Promise<SweepCounts> {
  const counts: SweepCounts = { warned: 0, ended: 0, reminded: 0 };
  const soon = daysAfter(now, WARNING_DAYS);
  const weekAgo = daysBefore(now, WARNING_DAYS);

  // 1. End dates a week away (or less): warned once per date.
  const endWarn = Prisma.sql`${HOLDING} AND a."endsAt" IS NOT NULL AND a."endWarnedAt" IS NULL AND a."endsAt" <= ${soon}`;
  for (const row of await candidates(endWarn)) {
    const done = await once(
      row,
      async (tx) => (await tx.$queryRaw<{ endsAt: Date }[]>`
        UPDATE "CollaboratorAccess" a SET "endWarnedAt" = ${now} FROM "Store" s
        WHERE s."id" = a."storeId" AND a."id" = ${row.id}::uuid AND ${endWarn} RETURNING a."endsAt"`)[0],
      (tx, claimed) => warn(tx, row, claimed.endsAt, "end_date"),
    );
    if (done) counts.warned++;
  }

  // 2. Unused accesses a week from their deadline: warned once per period (a log-in empties the marker).
  const idleWarn = Prisma.sql`a."state" = 'MANAGED' AND a."inactivityWarnedAt" IS NULL AND ${DEADLINE} <= ${soon}`;
  for (const row of await candidates(idleWarn)) {
    const done = await once(
      row,
      async (tx) => (await tx.$queryRaw<{ deadline: Date }[]>`
        UPDATE "CollaboratorAccess" a SET "inactivityWarnedAt" = ${now} FROM "Store" s
        WHERE s."id" = a."storeId" AND a."id" = ${row.id}::uuid AND ${idleWarn} RETURNING ${DEADLINE} AS "deadline"`)[0],
      // Never less than a week's notice: a late warning moves the end to a week after it.
      (tx, claimed) => warn(tx, row, claimed.deadline < soon ? soon : claimed.deadline, "inactive"),
    );
    if (done) counts.warned++;
  }

  // 3. Ends: only after the warning (never silently), the end date reached, or the period run out and the
  //    warning a week old.
  const endByDate = Prisma.sql`${HOLDING} AND a."endsAt" <= ${now} AND a."endWarnedAt" IS NOT NULL`;
  const endByIdle = Prisma.sql`a."state" = 'MANAGED' AND a."inactivityWarnedAt" IS NOT NULL AND a."inactivityWarnedAt" <= ${weekAgo} AND ${DEADLINE} <= ${now}`;
  for (const [reason, condition] of [["end_date", endByDate], ["inactive", endByIdle]] as const) {
    for (const row of await candidates(condition)) {
      const done = await once(
        row,
        async (tx) => {
          const before = await tx.collaboratorAccess.findUniqueOrThrow({ where: { id: row.id }, select: { permissions: true } });
          const ended = await tx.$executeRaw`
            UPDATE "CollaboratorAccess" a SET "state" = 'REMOVED', "permissions" = '{}', "listed" = true, "endedReason" = ${reason}, "updatedAt" = ${now}
            FROM "Store" s WHERE s."id" = a."storeId" AND a."id" = ${row.id}::uuid AND ${condition}`;
          return ended === 1 ? before.permissions : undefined;
        },
        (tx, permissions) => end(tx, row, reason, permissions),
      );
      if (done) counts.ended++;
    }
  }

  counts.reminded = await remindPendingRequests(now);
  return counts;
}

// ---------------------------------------------------------------------------------------------------
// Requests not lost

/** Who may decide a store's requests: the owner and active staff with staff:manage. */
async function deciders(tx: Tx, storeId: string) {
  const accounts = await tx.staffAccount.findMany({
    where: { storeId, status: "ACTIVE", userId: { not: null } },
    select: { email: true, isOwner: true, permissions: true, user: { select: { locale: true } } },
  });
  return accounts.filter((account) => account.isOwner || can(account.permissions, "staff", "manage")).map((account) => ({ email: account.email, locale: account.user?.locale ?? null }));
}

/** A request pending for REMINDER_DAYS reminds its deciders once, by mail and on Home. */
async function remindPendingRequests(now: Date): Promise<number> {
  const due = daysBefore(now, REMINDER_DAYS);
  const rows = await db().collaboratorRequest.findMany({
    where: { status: "PENDING", remindedAt: null, createdAt: { lte: due } },
    select: { id: true, organizationId: true, storeId: true },
    orderBy: { id: "asc" },
    take: 500,
  });
  let reminded = 0;
  for (const row of rows) {
    const done = await inTransaction(async (tx) => {
      await lockOrganization(tx, row.organizationId);
      await lockStore(tx, row.storeId);
      const claimed = await tx.collaboratorRequest.updateMany({ where: { id: row.id, status: "PENDING", remindedAt: null, createdAt: { lte: due } }, data: { remindedAt: now } });
      if (claimed.count === 0) return false;
      const request = await tx.collaboratorRequest.findUniqueOrThrow({
        where: { id: row.id },
        select: { createdAt: true, organization: { select: { name: true } }, store: { select: { name: true } }, requestedBy: { select: { firstName: true, lastName: true } } },
      });
      const requester = `${request.requestedBy.firstName} ${request.requestedBy.lastName}`;
      const params = { organization: request.organization.name, requester, store: request.store.name, requestedAt: request.createdAt.toISOString(), days: REMINDER_DAYS, reviewPath: `/store/${row.storeId}/users/requests` };
      for (const person of await deciders(tx, row.storeId)) await enqueueMail(tx, { to: person.email, locale: person.locale, mail: { kind: "requestReminder", params } });
      await tx.notification.create({
        data: { storeId: row.storeId, kind: EXPIRY_NOTIFICATIONS.reminder, requestId: row.id, params: { organizationId: row.organizationId, organizationName: request.organization.name, requesterName: requester } },
      });
      await logActivity(tx, SYSTEM, { action: "collaborator_request.reminded", storeId: row.storeId, organizationId: row.organizationId, subject: request.organization.name });
      return true;
    });
    if (done) reminded++;
  }
  return reminded;
}

/** The periodic job (app/services/background/registry.server.ts). */
export const ACCESS_EXPIRY_JOB = "access-expiry.sweep";
