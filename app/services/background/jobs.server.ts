// Background jobs: work that outlives a request (an import, an export, a scheduled sweep), served by the
// same claim/lease/settle code as the outbox (leases.server.ts). A job is enqueued in the transaction of
// the change that asks for it, so a rolled-back change leaves no job behind; a runner on any instance
// claims it, works on it outside any transaction while renewing its lease, and settles it. A job whose
// instance stops is given back (or its lease runs out) and another instance takes it over; its handler
// resumes from what it saved, or is told it is given up.
import { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/lib/db.server";
import { claimDue, extendLease, release, retryDelayMs, settle, type LeasedQueue } from "./leases.server";

export const JOBS: LeasedQueue = {
  table: "Job",
  unfinished: `"finishedAt" IS NULL AND "failedAt" IS NULL`,
  orderBy: `"nextAttemptAt", "createdAt"`,
  returning: `"id", "kind", "payload", "attempts", "maxAttempts"`,
  maxAttempts: `"maxAttempts"`,
};

export interface JobRow {
  id: string;
  kind: string;
  payload: Prisma.JsonValue;
  attempts: number;
  maxAttempts: number;
}

/** What a handler gets besides its payload. */
export interface JobContext {
  jobId: string;
  attempt: number;
  /** The runner's clock (tests move it). */
  now: () => Date;
  /** True once the instance is stopping: a long job saves where it is and returns "interrupted". */
  stopping: () => boolean;
}

export interface JobHandler {
  /** How long one claim lasts; the runner renews it while the handler works. */
  leaseMs?: number;
  /** "interrupted": not done, give the job back at once (the instance is stopping). */
  run: (payload: Prisma.JsonValue, context: JobContext) => Promise<void | "interrupted">;
  /** Called once when the job will not be tried again (its attempts are spent), to say so where it shows. */
  giveUp?: (payload: Prisma.JsonValue, lastError: string) => Promise<void>;
}

export type JobHandlers = Record<string, JobHandler>;

const DEFAULT_LEASE_MS = 60_000;

/** A job, written in the caller's transaction. With a `dedupeKey`, a second job for the same key is not made. */
export async function enqueueJob(
  tx: Tx,
  job: { kind: string; payload?: Prisma.InputJsonValue; runAt?: Date; maxAttempts?: number; dedupeKey?: string },
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "Job" ("id", "kind", "payload", "nextAttemptAt", "maxAttempts", "dedupeKey")
    VALUES (gen_random_uuid(), ${job.kind}, ${JSON.stringify(job.payload ?? {})}::jsonb, ${job.runAt ?? new Date()}, ${job.maxAttempts ?? 5}, ${job.dedupeKey ?? null})
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}

/**
 * A job every `everyMs` (a sweep): each instance asks for the current period's job, the key makes it one.
 * Returns whether this call made it.
 */
export async function schedulePeriodic(kind: string, everyMs: number, now: Date): Promise<boolean> {
  const period = Math.floor(now.getTime() / everyMs);
  const made = await db().$executeRaw`
    INSERT INTO "Job" ("id", "kind", "payload", "nextAttemptAt", "maxAttempts", "dedupeKey")
    VALUES (gen_random_uuid(), ${kind}, '{}'::jsonb, ${now}, 3, ${`${kind}:${period}`})
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  return made === 1;
}

/** Jobs whose last attempt died with its instance: marked failed, and their handler told. */
async function giveUpAbandoned(handlers: JobHandlers, now: Date): Promise<void> {
  const abandoned = await db().$queryRaw<{ id: string; kind: string; payload: Prisma.JsonValue }[]>`
    UPDATE "Job" SET "failedAt" = ${now}, "lastError" = coalesce("lastError", 'its worker stopped on the last attempt')
    WHERE "finishedAt" IS NULL AND "failedAt" IS NULL AND "attempts" >= "maxAttempts"
      AND ("leasedUntil" IS NULL OR "leasedUntil" <= ${now})
    RETURNING "id", "kind", "payload"`;
  for (const job of abandoned) await handlers[job.kind]?.giveUp?.(job.payload, "its worker stopped on the last attempt");
}

/**
 * Runs due jobs one after the other until none is due or the instance stops. Safe on several instances at
 * once: each job is claimed by one runner at a time.
 */
export async function runDueJobs(
  handlers: JobHandlers,
  options: { now?: () => Date; stopping?: () => boolean; limit?: number } = {},
): Promise<{ done: number; failed: number; retried: number; interrupted: number }> {
  const now = options.now ?? (() => new Date());
  const stopping = options.stopping ?? (() => false);
  const counts = { done: 0, failed: 0, retried: 0, interrupted: 0 };
  await giveUpAbandoned(handlers, now());
  for (let i = 0; i < (options.limit ?? 100) && !stopping(); i++) {
    // One job per claim: a job may be long, and the next one is for whoever is free.
    const claim = await claimDue<JobRow>(JOBS, { limit: 1, leaseMs: DEFAULT_LEASE_MS, now: now() });
    const job = claim.rows[0];
    if (!job) break;
    const handler = handlers[job.kind];
    const leaseMs = handler?.leaseMs ?? DEFAULT_LEASE_MS;
    if (leaseMs !== DEFAULT_LEASE_MS) await extendLease(JOBS, job.id, claim.token, new Date(now().getTime() + leaseMs));
    const renew = setInterval(() => void extendLease(JOBS, job.id, claim.token, new Date(now().getTime() + leaseMs)), Math.max(1_000, leaseMs / 3));
    try {
      if (!handler) throw new Error(`no handler for jobs of kind "${job.kind}"`);
      const outcome = await handler.run(job.payload, { jobId: job.id, attempt: job.attempts, now, stopping });
      if (outcome === "interrupted") {
        await release(JOBS, claim.token, [job.id]);
        counts.interrupted++;
        continue;
      }
      await settle(JOBS, job.id, claim.token, Prisma.sql`"finishedAt" = ${now()}, "lastError" = NULL`);
      counts.done++;
    } catch (error) {
      const lastError = String((error as Error)?.message ?? error).slice(0, 1000);
      if (job.attempts >= job.maxAttempts) {
        if (await settle(JOBS, job.id, claim.token, Prisma.sql`"failedAt" = ${now()}, "lastError" = ${lastError}`)) await handler?.giveUp?.(job.payload, lastError);
        counts.failed++;
      } else {
        await settle(JOBS, job.id, claim.token, Prisma.sql`"lastError" = ${lastError}, "nextAttemptAt" = ${new Date(now().getTime() + retryDelayMs(job.attempts))}`);
        counts.retried++;
      }
    } finally {
      clearInterval(renew);
    }
  }
  return counts;
}
