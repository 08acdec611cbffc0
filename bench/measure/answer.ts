// Is this the answer the target must give? Used on the first answer of every measured URL (status,
// redirect, body), and on the status counts autocannon reports for the timed runs (status only: the load
// generator does not read bodies, which would cost the CPU it shares with the server).
import type { Expectation } from "../targets";

/** Strings that must never reach a browser: a page that carries one fails the run. */
export const FORBIDDEN_IN_PAGES = ["scrypt$", "passwordHash", "tokenHash", "collaboratorCode"];

export interface Answer {
  status: number;
  location: string | null;
  body: string;
}

/** The text as it may appear in an answer: as is, escaped by React in HTML, or escaped in the single-fetch JSON. */
function appears(body: string, text: string): boolean {
  const html = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  const json = JSON.stringify(text).slice(1, -1);
  return [text, html, json].some((form) => body.includes(form));
}

/**
 * Remix answers a single-fetch request that redirects with 202 and the redirect in a turbo-stream body:
 * [..., "SingleFetchRedirect", ..., "redirect", "/where", ...].
 */
function singleFetchRedirect(body: string): string | null {
  if (!body.includes('"SingleFetchRedirect"')) return null;
  return /"redirect","([^"]*)"/.exec(body)?.[1] ?? "";
}

/** Why the answer is not the expected one; null when it is. */
export function whatIsWrong(answer: Answer, expect: Expectation): string | null {
  const redirect = answer.location ?? singleFetchRedirect(answer.body);
  const got = `HTTP ${answer.status}${redirect !== null ? ` redirecting to ${redirect}` : ""}`;
  if (answer.status !== expect.status) return `${got}, expected ${expect.status}${expect.redirectTo ? ` to ${expect.redirectTo}` : ""}`;
  if (expect.redirectTo && redirect !== expect.redirectTo) return `${got}, expected a redirect to ${expect.redirectTo}`;
  if (!expect.redirectTo && redirect !== null) return `${got}, expected an answer, not a redirect`;
  const missing = (expect.shows ?? []).filter((text) => !appears(answer.body, text));
  if (missing.length) return `HTTP ${answer.status} without ${missing.map((text) => JSON.stringify(text)).join(", ")} in its body`;
  const leaked = FORBIDDEN_IN_PAGES.filter((needle) => answer.body.includes(needle));
  if (leaked.length) return `HTTP ${answer.status} carrying ${leaked.join(", ")} to the browser`;
  return null;
}

/** Why a timed run's answers are not all the expected status; null when they are. */
export function unexpectedStatuses(statuses: Record<string, number>, errors: number, timeouts: number, expected: number): string | null {
  const others = Object.entries(statuses).filter(([code, count]) => Number(code) !== expected && count > 0);
  // autocannon counts a timeout as an error too.
  const connectionErrors = errors - timeouts;
  const problems = [
    ...others.map(([code, count]) => `${count} × HTTP ${code}`),
    ...(connectionErrors ? [`${connectionErrors} connection errors`] : []),
    ...(timeouts ? [`${timeouts} timeouts`] : []),
  ];
  return problems.length ? `${problems.join(", ")} (expected only HTTP ${expected})` : null;
}
