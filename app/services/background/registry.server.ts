// Every kind of background job and what runs it, and the sweeps that run on a schedule. A feature that
// needs background work adds its handler here; the runner on every instance serves them all.
import { env } from "~/lib/env.server";
import type { JobHandlers } from "./jobs.server";
import { ACCESS_EXPIRY_JOB, sweepAccessExpiry } from "../access-expiry.server";

export const JOB_HANDLERS: JobHandlers = {
  // Collaborator access over time: end dates, unused accesses, request reminders (once each, see the file).
  [ACCESS_EXPIRY_JOB]: { run: async (_payload, { now }) => void (await sweepAccessExpiry(now())) },
};

/** Jobs made once per period (`everyMs`) whichever instance asks first. */
export const PERIODIC_JOBS: { kind: string; everyMs: number }[] = [
  // Warnings are a week ahead: a sweep every 10 minutes (ACCESS_SWEEP_EVERY_MS) is on time to what matters.
  {
    kind: ACCESS_EXPIRY_JOB,
    get everyMs() {
      return env().ACCESS_SWEEP_EVERY_MS;
    },
  },
];
