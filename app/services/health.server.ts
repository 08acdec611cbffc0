// Readiness: can this instance serve requests right now? The database answers within the timeout and
// holds every migration of this build. Answers say yes or no, never why in detail (no versions, no error
// text): the detail goes to the log.
import { db } from "~/lib/db.server";
import { logger } from "~/lib/logger.server";

export const READINESS_TIMEOUT_MS = 2_000;

export async function readiness(expectedMigrations: readonly string[], timeoutMs = READINESS_TIMEOUT_MS): Promise<{ ready: boolean; reason?: "database" | "migrations" }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const applied = await Promise.race([
      db().$queryRaw<{ name: string }[]>`SELECT "migration_name" AS "name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
      timeout,
    ]);
    const names = new Set(applied.map((row) => row.name));
    const missing = expectedMigrations.filter((name) => !names.has(name));
    if (missing.length > 0) {
      logger.warn({ missing }, "not ready: migrations not applied");
      return { ready: false, reason: "migrations" };
    }
    return { ready: true };
  } catch (error) {
    logger.warn({ err: error }, "not ready: database");
    return { ready: false, reason: "database" };
  } finally {
    clearTimeout(timer);
  }
}
