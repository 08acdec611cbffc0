// The Content-Security-Policy is one the app satisfies: Chromium (Debian's, /usr/bin/chromium) loads the
// main pages of the production build as each kind of person, hydrates them, and reports no violation.
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { MATRIX, personFor, type Column } from "./authorization-matrix";
import { baseVars, cellsOf, fill } from "./support/matrix-walk";
import { openSession, seedWorld, WORLD_PASSWORD, type World } from "./support/world";
import { startServer, type AppServer } from "./support/server";
import { SESSION_COOKIE } from "./support/http";
import { recordFigure } from "./support/figures";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let t: TestDatabase;
let world: World;
let server: AppServer;
let browser: Browser;
let pages = 0;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (npm run test:security installs it)`);
  t = await createTestDatabase();
  world = await seedWorld();
  server = await startServer({ databaseUrl: t.url! });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});
afterAll(async () => {
  recordFigure("csp.pages", pages, "pages loaded in Chromium without a CSP violation");
  await browser?.close();
  await server?.stop();
  await t?.close();
});

declare global {
  interface Window {
    __cspViolations?: string[];
    __remixRouter?: unknown;
  }
}

async function visit(paths: string[], token: string | undefined) {
  const context = await browser.newContext({ extraHTTPHeaders: token ? { cookie: `${SESSION_COOKIE}=${token}` } : {} });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations!.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`));
  });
  const page = await context.newPage();
  const consoleProblems: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) consoleProblems.push(message.text());
  });
  const report: string[] = [];
  try {
    for (const path of paths) {
      const response = await page.goto(new URL(path, server.baseUrl).toString(), { waitUntil: "load" });
      pages++;
      const html = (response?.headers()["content-type"] ?? "").includes("text/html");
      const hydrated = !html || (await page.waitForFunction(() => Boolean(window.__remixRouter), null, { timeout: 5_000 }).then(() => true, () => false));
      const violations = await page.evaluate(() => window.__cspViolations ?? []);
      if (violations.length) report.push(`${path}: ${violations.join("; ")}`);
      if (!hydrated) report.push(`${path}: the page did not hydrate (scripts blocked?)`);
    }
  } finally {
    await context.close();
  }
  return [...report, ...consoleProblems.map((m) => `console: ${m}`)];
}

/** The pages of the matrix that this column may open, with their placeholders filled. */
function pagesFor(column: Column): string[] {
  const vars = baseVars(world);
  const seen = new Set<string>();
  for (const row of MATRIX) {
    if (row.method !== "GET" || row.prepare || cellsOf(row)[column] !== "ok" || /\.csv|export|logout|locale|mailbox/.test(row.path)) continue;
    seen.add(fill(row.path, vars));
  }
  return [...seen];
}

describe("Chromium reports no CSP violation", () => {
  test("the detector works: an injected inline script without the nonce is blocked and reported", async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations!.push(e.violatedDirective));
    });
    const page = await context.newPage();
    try {
      await page.goto(`${server.baseUrl}/login`, { waitUntil: "load" });
      const ran = await page.evaluate(async () => {
        const script = document.createElement("script");
        script.textContent = "window.__injected = true";
        document.body.appendChild(script);
        await new Promise((resolve) => setTimeout(resolve, 200));
        return Boolean((window as unknown as { __injected?: boolean }).__injected);
      });
      expect(ran).toBe(false);
      expect(await page.evaluate(() => window.__cspViolations)).toContain("script-src-elem");
    } finally {
      await context.close();
    }
  });

  test.each(["anon", "owner", "pOwn", "cManage", "sView"] as const)("on every page %s may open", async (column) => {
    const person = personFor(column, undefined);
    const token = person ? await openSession(world, person) : undefined;
    const paths = pagesFor(column);
    expect(paths.length).toBeGreaterThan(0);
    expect(await visit(paths, token)).toEqual([]);
  });

  test("through a real sign-in, a client-side navigation and a dialog", async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    try {
      // The __Host- cookie is Secure; Chromium keeps it on http://127.0.0.1 (a trustworthy origin).
      await page.goto(`${server.baseUrl}/login?redirectTo=/store/${world.store.id}/users/staff`);
      await page.getByLabel("Email").fill(world.people.owner.email);
      await page.getByLabel("Password").fill(WORLD_PASSWORD);
      await page.getByRole("button", { name: "Log in" }).click();
      await page.waitForURL(/\/users\/staff$/);
      expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
      await page.getByRole("link", { name: /orders/i }).first().click();
      await page.waitForURL(/\/orders$/);
      await page.goto(`${server.baseUrl}/store/${world.store.id}/settings`, { waitUntil: "networkidle" });
      await page.getByRole("button", { name: /generate new code/i }).first().click();
      await page.getByRole("dialog").waitFor();
      pages += 3;
      expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
