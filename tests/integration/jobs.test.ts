// Background jobs (app/services/background/jobs.server.ts) on a real database: enqueued with the change
// that asks for them, run once, retried with back-off, given up with word to their handler, renewed while
// long, given back when the instance stops, and made once per period by the schedule. The clock is the
// runner's own (`now`), moved by the tests, never slept on.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { db } from "~/lib/db.server";
import { inTransaction } from "~/lib/transaction.server";
import { enqueueJob, runDueJobs, schedulePeriodic, type JobHandlers } from "~/services/background/jobs.server";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());
beforeEach(async () => {
  await db().job.deleteMany({});
});

const at = (iso: string) => () => new Date(iso);
/** Real concurrency only on PostgreSQL; the embedded database serialises these calls, so there they check outcomes. */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe("background jobs", () => {
  test("a job is written with its change: a rolled-back change leaves none", async () => {
    await expect(
      inTransaction(async (tx) => {
        await enqueueJob(tx, { kind: "count", payload: { n: 1 } });
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    expect(await db().job.count()).toBe(0);
    await inTransaction((tx) => enqueueJob(tx, { kind: "count", payload: { n: 1 } }));
    expect(await db().job.count()).toBe(1);
  });

  test("a due job runs once and is marked done; one not yet due waits for its time", async () => {
    const seen: unknown[] = [];
    const handlers: JobHandlers = { count: { run: async (payload) => void seen.push(payload) } };
    await inTransaction(async (tx) => {
      await enqueueJob(tx, { kind: "count", payload: { n: 1 } });
      await enqueueJob(tx, { kind: "count", payload: { n: 2 }, runAt: new Date("2030-01-01T00:00:00Z") });
    });
    expect(await runDueJobs(handlers)).toMatchObject({ done: 1 });
    expect(await runDueJobs(handlers)).toMatchObject({ done: 0 });
    expect(seen).toEqual([{ n: 1 }]);
    expect(await runDueJobs(handlers, { now: at("2030-01-01T00:00:01Z") })).toMatchObject({ done: 1 });
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await db().job.count({ where: { finishedAt: { not: null } } })).toBe(2);
  });

  test("a failing job is retried after a back-off, then given up with word to its handler", async () => {
    const givenUp: string[] = [];
    let tries = 0;
    const handlers: JobHandlers = {
      flaky: {
        run: async () => {
          tries++;
          throw new Error(`try ${tries} failed`);
        },
        giveUp: async (_payload, lastError) => void givenUp.push(lastError),
      },
    };
    await inTransaction((tx) => enqueueJob(tx, { kind: "flaky", maxAttempts: 2 }));
    expect(await runDueJobs(handlers, { now: at("2030-01-01T00:00:00Z") })).toMatchObject({ retried: 1 });
    // Not again before its back-off has passed.
    expect(await runDueJobs(handlers, { now: at("2030-01-01T00:00:05Z") })).toMatchObject({ retried: 0, failed: 0 });
    expect(await runDueJobs(handlers, { now: at("2030-01-01T00:01:00Z") })).toMatchObject({ failed: 1 });
    expect(tries).toBe(2);
    expect(givenUp).toEqual(["try 2 failed"]);
    const job = await db().job.findFirstOrThrow();
    expect(job.failedAt).not.toBeNull();
    expect(job.lastError).toBe("try 2 failed");
  });

  test("a long job keeps its lease: another runner does not take it over while it works", async () => {
    let release!: () => void;
    const started = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    const handlers: JobHandlers = {
      long: {
        leaseMs: 3_000,
        run: async () => {
          runs++;
          await new Promise((resolve) => setTimeout(resolve, 1_500));
          release();
        },
      },
    };
    await inTransaction((tx) => enqueueJob(tx, { kind: "long" }));
    const first = runDueJobs(handlers);
    // Meanwhile a second runner looks for work, twice: the job is leased.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await runDueJobs(handlers)).toMatchObject({ done: 0 });
    await started;
    expect(await first).toMatchObject({ done: 1 });
    expect(runs).toBe(1);
  });

  test("a job interrupted by the instance stopping is given back at once, without spending an attempt", async () => {
    let stop = false;
    const handlers: JobHandlers = {
      chunks: {
        run: async (_payload, context) => {
          stop = true;
          return context.stopping() ? "interrupted" : undefined;
        },
      },
    };
    await inTransaction((tx) => enqueueJob(tx, { kind: "chunks", maxAttempts: 1 }));
    expect(await runDueJobs(handlers, { stopping: () => stop })).toMatchObject({ interrupted: 1 });
    const job = await db().job.findFirstOrThrow();
    expect(job).toMatchObject({ attempts: 0, leaseToken: null, finishedAt: null, failedAt: null });
    // The next instance takes it up and finishes it.
    stop = false;
    expect(await runDueJobs({ chunks: { run: async () => undefined } })).toMatchObject({ done: 1 });
  });

  test("a job whose worker died on its last attempt is marked failed and its handler told", async () => {
    const givenUp: string[] = [];
    await inTransaction((tx) => enqueueJob(tx, { kind: "crash", maxAttempts: 1 }));
    // A worker claimed it and vanished: its lease ran out long ago.
    await db().job.updateMany({ data: { attempts: 1, leaseToken: "00000000-0000-4000-8000-000000000000", leasedUntil: new Date("2020-01-01T00:00:00Z") } });
    await runDueJobs({ crash: { run: async () => undefined, giveUp: async (_p, error) => void givenUp.push(error) } });
    expect(givenUp).toEqual(["its worker stopped on the last attempt"]);
    expect((await db().job.findFirstOrThrow()).failedAt).not.toBeNull();
  });

  test(`the schedule makes one job per period however many instances ask${onPostgres ? ", at the same instant" : ""}`, async () => {
    const now = new Date("2030-01-01T10:00:30Z");
    const made = await Promise.all(Array.from({ length: 8 }, () => schedulePeriodic("sweep", 60_000, now)));
    expect(made.filter(Boolean)).toHaveLength(1);
    expect(await schedulePeriodic("sweep", 60_000, new Date("2030-01-01T10:00:59Z"))).toBe(false);
    expect(await schedulePeriodic("sweep", 60_000, new Date("2030-01-01T10:01:00Z"))).toBe(true);
    expect(await db().job.count({ where: { kind: "sweep" } })).toBe(2);
  });

  test(`runners on several instances${onPostgres ? " racing" : ""} run each job exactly once`, async () => {
    const runs = new Map<number, number>();
    const handlers: JobHandlers = {
      count: {
        run: async (payload) => {
          const n = (payload as { n: number }).n;
          runs.set(n, (runs.get(n) ?? 0) + 1);
          await new Promise((resolve) => setTimeout(resolve, 5));
        },
      },
    };
    await inTransaction(async (tx) => {
      for (let n = 0; n < 30; n++) await enqueueJob(tx, { kind: "count", payload: { n } });
    });
    const results = await Promise.all(Array.from({ length: 4 }, () => runDueJobs(handlers)));
    expect(results.reduce((sum, r) => sum + r.done, 0)).toBe(30);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(runs.size).toBe(30);
  });
});
