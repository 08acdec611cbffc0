// The first request to every measured URL, before anything is timed, on a server started with
// PORTIER_COUNT_QUERIES=1: it checks the whole answer (status, redirect, what the page must show), reads
// how many SQL statements the request sent, and keeps the page's HTML for the client-side sizes.
import { fail } from "../failure";
import type { QueryCount } from "../results";
import type { Target } from "../targets";
import { whatIsWrong, type Answer } from "./answer";
import { BENCH_USER_AGENT, type LoadContext } from "./load";

export interface Probe extends QueryCount {
  /** Documents only: the HTML, for the client-side sizes. */
  html?: string;
}

async function request(context: LoadContext, target: Target): Promise<{ answer: Answer; statements: number | null; method: string; path: string; redirectTo?: string }> {
  const headers: Record<string, string> = { "user-agent": BENCH_USER_AGENT };
  const cookie = context.cookies[target.who];
  if (cookie) headers.cookie = cookie;
  const next = target.kind === "action" ? context.feed.next(target) : null;
  const path = next?.path ?? target.path;
  const response = await fetch(context.origin + path, {
    method: next ? "POST" : "GET",
    headers: next ? { ...headers, "content-type": "application/x-www-form-urlencoded", origin: context.origin } : headers,
    body: next?.body,
    redirect: "manual",
  });
  const count = response.headers.get("x-query-count");
  return {
    answer: { status: response.status, location: response.headers.get("location"), body: await response.text() },
    statements: count === null ? null : Number(count),
    method: next ? "POST" : "GET",
    path,
    redirectTo: next?.redirectTo,
  };
}

export async function probe(context: LoadContext, target: Target): Promise<Probe> {
  const { answer, statements, method, path, redirectTo } = await request(context, target);
  const wrong = whatIsWrong(answer, { ...target.expect, ...(redirectTo ? { redirectTo } : {}) });
  if (wrong) fail(`${target.name} (${method} ${path}): ${wrong}`);
  if (target.kind === "action") context.feed.count(target, 1);
  const isDocument = target.kind === "page" && !target.dataOf;
  return { target: target.name, status: answer.status, statements, ...(isDocument ? { html: answer.body } : {}) };
}
