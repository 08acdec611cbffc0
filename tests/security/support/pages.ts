// Pages rendered in-process by the production build (build/server/index.js, through Remix's own request
// handler), for the in-process fuzz: after an accepted hostile submission, the pages that show what it
// stored must show it as text. The build shares the test's database client (app/lib/db.server.ts keeps it
// on globalThis), so it sees exactly the rows the submission wrote.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { randomUUID } from "node:crypto";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { ROOT } from "./server";

export const PAGE_NONCE = "security-fuzz-nonce";

let handler: Promise<(request: Request, context: Record<string, unknown>) => Promise<Response>> | undefined;

function builtHandler() {
  handler ??= (async () => {
    const build = (await import(/* @vite-ignore */ pathToFileURL(path.join(ROOT, "build/server/index.js")).href)) as ServerBuild;
    const handle = createRequestHandler(build, "production");
    return (request: Request, context: Record<string, unknown>) => handle(request, context);
  })();
  return handler;
}

/** A GET of the page as the browser behind `cookie` would load it (redirects followed, at most 3). */
export async function renderPage(url: string, cookie: string | undefined, clientAddress: string): Promise<{ status: number; url: string; html: string }> {
  const handle = await builtHandler();
  let at = url;
  for (let hop = 0; hop < 4; hop++) {
    const response = await handle(new Request(at, { headers: cookie ? { cookie } : {} }), { clientAddress, shared: new Map(), requestId: randomUUID(), cspNonce: PAGE_NONCE });
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      at = new URL(location, at).toString();
      continue;
    }
    return { status: response.status, url: at, html: await response.text() };
  }
  throw new Error(`${url}: too many redirects`);
}

const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g;
const ATTRIBUTE = /\s+([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?/g;

/** The tags of a page with their attributes (names lower-cased, values unquoted, entities left as they are). */
export function tagsOf(html: string): { name: string; attributes: Map<string, string> }[] {
  const tags = [];
  for (const m of html.matchAll(TAG)) {
    const attributes = new Map<string, string>();
    for (const a of (m[2] ?? "").matchAll(ATTRIBUTE)) attributes.set(a[1].toLowerCase(), (a[2] ?? "").replace(/^["']|["']$/g, ""));
    tags.push({ name: m[1].toLowerCase(), attributes });
  }
  return tags;
}

/**
 * What in a page could run a script someone typed: a <script> without this page's nonce, an event
 * handler attribute, a javascript: URL, or an opening tag from the hostile values left raw. Empty when safe.
 */
export function unsafeMarkup(html: string, stored: string[], nonce = PAGE_NONCE): string[] {
  const found: string[] = [];
  for (const tag of tagsOf(html)) {
    if (tag.name === "script" && (!nonce || tag.attributes.get("nonce") !== nonce)) found.push(`a <script> without the page's nonce`);
    for (const [name, value] of tag.attributes) {
      if (name.startsWith("on")) found.push(`an event handler attribute on <${tag.name}>: ${name}=${value.slice(0, 60)}`);
      if (["href", "src", "action", "formaction", "xlink:href"].includes(name) && /^\s*javascript:/i.test(value)) found.push(`a javascript: URL in <${tag.name} ${name}>`);
    }
  }
  for (const value of stored) {
    for (const fragment of value.match(/<[a-z][^<>]*>/gi) ?? []) if (html.includes(fragment)) found.push(`raw markup from the form: ${fragment.slice(0, 80)}`);
  }
  return found;
}
