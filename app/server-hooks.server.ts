// What server.mjs asks of the app: the server speaks HTTP, the app decides the policy. Re-exported by
// entry.server.tsx, so the server and the routes run the same build (and, in development, the same
// Vite-loaded modules).
import { env } from "~/lib/env.server";
import { bodyLimitFor, BODY_TOO_LARGE } from "~/lib/body-limit.server";
import { disconnectDatabase } from "~/lib/db.server";
import { logger } from "~/lib/logger.server";
import { routeIdFor } from "~/lib/route-ids.server";
import { startBackgroundWork } from "~/services/background/work.server";

/** Validates the configuration (throws a message naming each wrong variable) and returns what the server needs. */
function configuration() {
  const config = env();
  return { trustProxy: config.TRUST_PROXY, appOrigin: config.APP_ORIGIN, shutdownDeadlineMs: config.SHUTDOWN_DEADLINE_MS };
}

export const serverHooks = {
  configuration,
  bodyLimitFor,
  bodyTooLargeCode: BODY_TOO_LARGE,
  startBackgroundWork,
  disconnectDatabase,
  logger,
  routeIdFor,
};

export type ServerHooks = typeof serverHooks;
