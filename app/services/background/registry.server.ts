// Every kind of background job and what runs it, and the sweeps that run on a schedule. A feature that
// needs background work adds its handler here; the runner on every instance serves them all.
import type { JobHandlers } from "./jobs.server";

export const JOB_HANDLERS: JobHandlers = {};

/** Jobs made once per period (`everyMs`) whichever instance asks first. */
export const PERIODIC_JOBS: { kind: string; everyMs: number }[] = [];
