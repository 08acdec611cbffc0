// Background work items (outbox mail, and every other queue built on it) are leased, not locked: a
// worker claims due rows in ONE short statement, does the slow part (SMTP, a file, a sweep) outside any
// transaction, then settles each row, but only while it still holds the lease. Several app instances
// claim side by side (FOR UPDATE SKIP LOCKED), a crashed or stopped instance's lease runs out and
// another takes the row over, and no database connection waits on the outside world.
import { randomUUID } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";

/** A table of leased items: which rows are waiting, in which order, and what a claim reads back. */
export interface LeasedQueue {
  /** Trusted identifiers only (constants in this codebase), never input. */
  table: string;
  /** SQL condition of a row that still has work to do (not sent, not finished). */
  unfinished: string;
  orderBy: string;
  returning: string;
  /** How many attempts an item gets: a number, or the SQL of a column holding each item's own. */
  maxAttempts: number | string;
}

export interface Claim<Row> {
  token: string;
  rows: Row[];
}

/**
 * Claims up to `limit` due rows for `leaseMs`. A claim counts as an attempt, so an item whose worker dies
 * mid-way is retried a bounded number of times.
 */
export async function claimDue<Row extends { id: string }>(queue: LeasedQueue, options: { limit: number; leaseMs: number; now: Date }): Promise<Claim<Row>> {
  const token = randomUUID();
  const until = new Date(options.now.getTime() + options.leaseMs);
  const t = Prisma.raw(`"${queue.table}"`);
  const rows = await db().$queryRaw<Row[]>`
    UPDATE ${t} AS item SET "leaseToken" = ${token}::uuid, "leasedUntil" = ${until}, "attempts" = item."attempts" + 1
    FROM (
      SELECT "id" FROM ${t}
      WHERE ${Prisma.raw(queue.unfinished)} AND "nextAttemptAt" <= ${options.now}
        AND ("leasedUntil" IS NULL OR "leasedUntil" <= ${options.now}) AND "attempts" < ${Prisma.raw(String(queue.maxAttempts))}
      ORDER BY ${Prisma.raw(queue.orderBy)} LIMIT ${options.limit}
      FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE item."id" = due."id"
    RETURNING ${Prisma.raw(queue.returning.split(",").map((column) => `item.${column.trim()}`).join(", "))}`;
  return { token, rows };
}

/**
 * Settles one claimed row with `assignments` (SQL built from trusted column names and parameters),
 * clearing the lease. False when the lease was lost (it ran out and another worker took the row): the
 * caller then leaves the row to its new holder.
 */
export async function settle(queue: LeasedQueue, id: string, token: string, assignments: Prisma.Sql): Promise<boolean> {
  const t = Prisma.raw(`"${queue.table}"`);
  const changed = await db().$executeRaw`
    UPDATE ${t} SET ${assignments}, "leaseToken" = NULL, "leasedUntil" = NULL
    WHERE "id" = ${id}::uuid AND "leaseToken" = ${token}::uuid`;
  return changed === 1;
}

/** Keeps a long item (an import) leased while it is being worked on: another instance must not take it over. */
export async function extendLease(queue: LeasedQueue, id: string, token: string, until: Date): Promise<boolean> {
  const t = Prisma.raw(`"${queue.table}"`);
  const changed = await db().$executeRaw`UPDATE ${t} SET "leasedUntil" = ${until} WHERE "id" = ${id}::uuid AND "leaseToken" = ${token}::uuid`;
  return changed === 1;
}

/** Gives back claimed rows that were not worked on (shutdown): another instance may take them at once. */
export async function release(queue: LeasedQueue, token: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const t = Prisma.raw(`"${queue.table}"`);
  await db().$executeRaw`
    UPDATE ${t} SET "leaseToken" = NULL, "leasedUntil" = NULL, "attempts" = GREATEST("attempts" - 1, 0)
    WHERE "leaseToken" = ${token}::uuid AND "id" = ANY(${ids}::uuid[])`;
}

/** Exponential back-off between attempts, capped at an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(3_600, 5 * 2 ** attempts) * 1000;
}
