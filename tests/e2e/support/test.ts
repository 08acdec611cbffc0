// Every e2e test runs with axe-core watching: each page a test's browser opens (a document load or a
// client-side navigation, in any context the test creates) is checked against WCAG 2.1 A and AA once it
// has settled, once per page and language, and the test fails on any violation. Specs import `test` and
// `expect` from here instead of @playwright/test.
import { AxeBuilder } from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export { expect };

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface Violation {
  page: string;
  rule: string;
  impact: string | null | undefined;
  targets: string[];
  help: string;
}

/** The page as a pattern (ids replaced) and its language: the same screen is checked once. */
const pageKey = (url: string, lang: string) =>
  `${lang} ${new URL(url).pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ":id").replace(/\/invitations\/[^/]+/, "/invitations/:token")}`;

/** Globally, so that a page seen by one test is not checked again by the next. */
const checked = new Set<string>();

export async function axeViolations(page: Page): Promise<Violation[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((violation) => ({
    page: page.url(),
    rule: violation.id,
    impact: violation.impact,
    targets: violation.nodes.map((node) => `${node.target.join(" ")} ${node.html.slice(0, 160)}`),
    help: violation.help,
  }));
}

function watch(page: Page, found: Violation[], pending: Set<Promise<void>>) {
  let chain = Promise.resolve();
  const check = () => {
    const run = (chain = chain.then(async () => {
      try {
        await page.waitForLoadState("load");
        // Remix finishes a client-side navigation after the URL changes, and a toast fades in: check the
        // page once it has settled, not a frame of an animation.
        await page.waitForTimeout(250);
        await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"), undefined, { timeout: 5_000 }).catch(() => undefined);
        if (page.isClosed()) return;
        const lang = await page.evaluate(() => document.documentElement.lang);
        const key = pageKey(page.url(), lang);
        if (checked.has(key)) return;
        checked.add(key);
        found.push(...(await axeViolations(page)));
      } catch (error) {
        // The page moved on (or closed) while it was being checked: the next page is checked in turn.
        if (!/closed|destroyed|navigat|Target/.test(String(error))) throw error;
      }
    }));
    pending.add(run);
    void run.finally(() => pending.delete(run));
  };
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame() && frame.url().startsWith("http")) check();
  });
}

export const test = base.extend<{ accessibility: void }>({
  accessibility: [
    async ({ context, browser }, use) => {
      const found: Violation[] = [];
      const pending = new Set<Promise<void>>();
      const watchContext = (watched: BrowserContext) => {
        for (const page of watched.pages()) watch(page, found, pending);
        watched.on("page", (page) => watch(page, found, pending));
      };
      watchContext(context);
      // Contexts the test opens itself (two people side by side) are watched too.
      const newContext = browser.newContext.bind(browser);
      (browser as Browser).newContext = async (...args: Parameters<Browser["newContext"]>) => {
        const created = await newContext(...args);
        watchContext(created);
        return created;
      };
      await use();
      await Promise.allSettled([...pending]);
      (browser as Browser).newContext = newContext;
      expect(found, found.map((v) => `${v.rule} (${v.impact}) on ${v.page}: ${v.help} → ${v.targets.slice(0, 3).join(", ")}`).join("\n")).toEqual([]);
    },
    { auto: true },
  ],
});
