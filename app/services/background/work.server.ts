// The background work of one app instance. Every loop is safe to run on several instances at once: the
// items it works on are leased (leases.server.ts).
import { env } from "~/lib/env.server";
import { deliverDueMail } from "../outbox.server";
import { runDueJobs, schedulePeriodic } from "./jobs.server";
import { startLoop, type Loop } from "./loop.server";
import { JOB_HANDLERS, PERIODIC_JOBS } from "./registry.server";

export interface BackgroundWork {
  /** Stops every loop after its current item (claimed items not started are released), then resolves. */
  stop: () => Promise<void>;
}

export function startBackgroundWork(options: { onError: (what: string, error: unknown) => void }): BackgroundWork {
  const loops: Loop[] = [];
  const { SMTP_URL, MAIL_INTERVAL_MS, MAIL_DELIVERY, JOBS_INTERVAL_MS } = env();
  loops.push(
    startLoop({
      run: async (stopping) => {
        for (const periodic of PERIODIC_JOBS) await schedulePeriodic(periodic.kind, periodic.everyMs, new Date());
        return runDueJobs(JOB_HANDLERS, { stopping });
      },
      intervalMs: JOBS_INTERVAL_MS,
      onError: (error) => options.onError("background jobs", error),
    }),
  );
  if (SMTP_URL && MAIL_DELIVERY !== "off") {
    loops.push(
      startLoop({
        run: (stopping) => deliverDueMail({ smtpUrl: SMTP_URL, stopping }),
        intervalMs: MAIL_INTERVAL_MS,
        onError: (error) => options.onError("mail delivery", error),
      }),
    );
  }
  return { stop: async () => void (await Promise.all(loops.map((loop) => loop.stop()))) };
}
