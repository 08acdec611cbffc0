// One autocannon run of one target at one concurrency. Every answer must have the target's status: a
// run with any other answer (an error page, a redirect, a timeout) stops the benchmark, since its
// figures would describe that answer, not the page.
import os from "node:os";
import autocannon from "autocannon";
import { config } from "../config";
import { fail } from "../failure";
import type { Measurement } from "../results";
import type { Target, Who } from "../targets";
import type { ActionFeed } from "./action-feed";
import { unexpectedStatuses } from "./answer";

export interface LoadContext {
  origin: string;
  cookies: Partial<Record<Who, string>>;
  feed: ActionFeed;
}

export const BENCH_USER_AGENT = "portier-bench";

/** A warm-up is not recorded, but its answers are checked and its writes counted like the others. */
export type Mode = "run" | "warmup";

export async function measure(context: LoadContext, target: Target, connections: number, mode: Mode, seconds = config.duration): Promise<Measurement> {
  const { origin, feed } = context;
  const headers: Record<string, string> = { "user-agent": BENCH_USER_AGENT };
  const cookie = context.cookies[target.who];
  if (cookie) headers.cookie = cookie;
  const options: autocannon.Options = {
    url: origin,
    connections,
    timeout: 30,
    // autocannon stops on its sampling tick: a 100 ms tick keeps the measured duration (and so req/s) exact
    // to 0.1 s for the short, amount-bounded action runs.
    sampleInt: 100,
    headers,
  };
  if (target.kind === "page") {
    options.duration = mode === "warmup" ? 2 : seconds;
    options.requests = [{ method: "GET", path: target.path }];
  } else {
    // Actions run a number of requests, not a duration: the database afterwards must hold exactly what they wrote.
    options.amount = mode === "warmup" ? 10 : Math.max(config.actionAmount, connections * 4);
    options.requests = [
      {
        method: "POST",
        setupRequest: (request) => {
          const next = feed.next(target);
          return {
            ...request,
            method: "POST",
            path: next.path,
            body: next.body.toString(),
            headers: { ...headers, "content-type": "application/x-www-form-urlencoded", origin },
          };
        },
      },
    ];
  }
  const result = await autocannon(options);
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = stat.count;
  const answered = Object.values(statuses).reduce((a, b) => a + b, 0);
  if (target.kind === "action") feed.count(target, statuses[target.expect.status] ?? 0);
  const wrong = unexpectedStatuses(statuses, result.errors, result.timeouts, target.expect.status);
  if (wrong) fail(`${target.name} at ${connections} connections${mode === "warmup" ? " (warm-up)" : ""}: ${wrong}`);
  return {
    target: target.name,
    connections,
    requests: answered,
    seconds: result.duration,
    rps: answered / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.mean,
    statuses,
    load: os.loadavg()[0],
  };
}

/**
 * Waits until the server has worked off what the previous run left queued (requests autocannon gave up
 * on are still being answered): a request must come back fast twice in a row.
 */
export async function settle(context: LoadContext): Promise<void> {
  const deadline = Date.now() + 120_000;
  let fast = 0;
  while (fast < 2 && Date.now() < deadline) {
    const started = performance.now();
    const response = await fetch(`${context.origin}/login`, { headers: { cookie: context.cookies.merchant ?? "" }, redirect: "manual" });
    await response.arrayBuffer();
    fast = performance.now() - started < 100 ? fast + 1 : 0;
    if (fast < 2) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Several short runs of one target as one measurement: throughput over all of them, median p50, worst p99. */
export function combine(name: string, parts: Measurement[]): Measurement {
  const requests = parts.reduce((sum, m) => sum + m.requests, 0);
  const seconds = parts.reduce((sum, m) => sum + m.seconds, 0);
  const statuses: Record<string, number> = {};
  for (const m of parts) for (const [code, count] of Object.entries(m.statuses)) statuses[code] = (statuses[code] ?? 0) + count;
  return {
    target: name,
    connections: parts[0].connections,
    requests,
    seconds,
    rps: requests / seconds,
    p50: median(parts.map((m) => m.p50)),
    p99: Math.max(...parts.map((m) => m.p99)),
    mean: parts.reduce((sum, m) => sum + m.mean * m.requests, 0) / Math.max(1, requests),
    statuses,
    load: Math.max(...parts.map((m) => m.load)),
  };
}
