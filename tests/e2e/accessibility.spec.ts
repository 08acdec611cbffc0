// Every page of the app, in English and in French, as the people who see it: axe-core checks each one as
// it opens (tests/e2e/support/test.ts), so this walk only has to open them all. The other specs add the
// states they reach (dialogs open, errors shown, toasts).
import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { logIn } from "./support/session";

/** Saves the language on the login, as the user menu does. */
async function setLanguage(page: Page, locale: "en" | "fr") {
  const origin = new URL(page.url()).origin;
  const response = await page.request.post("/locale", { form: { locale, redirectTo: "/" }, headers: { origin }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
}

/** Opens `path` and waits for its main content. */
async function open(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(500);
  await expect(page.locator("main, #main").first()).toBeVisible();
}

/** The address of the first link on the page that matches, to reach a record's own page. */
async function firstLink(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const found = hrefs.find((href) => pattern.test(href));
  expect(found, `a link matching ${pattern} on ${page.url()}`).toBeTruthy();
  return found!;
}

async function inBothLanguages(page: Page, walk: () => Promise<void>) {
  try {
    await walk();
    await setLanguage(page, "fr");
    await walk();
  } finally {
    // The demo logins are shared by the other specs: they find them in English.
    await setLanguage(page, "en");
  }
}

test("the pages anyone can open", async ({ page, baseURL }) => {
  for (const lang of ["en", "fr"] as const) {
    await page.context().addCookies([{ name: "portier_lang", value: lang, url: baseURL! }]);
    await open(page, "/login");
    await open(page, "/signup");
    await page.context().clearCookies();
  }
});

test("the store admin, as its owner", async ({ page }) => {
  test.setTimeout(180_000);
  await logIn(page, "owner@maple.test");
  const store = new URL(page.url()).pathname;
  await inBothLanguages(page, async () => {
    await open(page, store);
    for (const section of ["orders", "products", "customers"]) {
      await open(page, `${store}/${section}`);
      await open(page, await firstLink(page, new RegExp(`^${store}/${section}/[0-9a-f-]{36}$`)));
    }
    await open(page, `${store}/products/new`);
    await open(page, `${store}/customers/new`);
    await open(page, `${store}/customers/import`);
    await open(page, `${store}/settings`);
    for (const tab of ["requests", "collaborators", "staff"]) await open(page, `${store}/users/${tab}`);
    await open(page, await firstLink(page, /\/users\/staff\/[0-9a-f-]{36}$/));
    await open(page, `${store}/users/staff/new`);
    await open(page, "/account");
    await open(page, `${store}/no-such-page`);
  });
});

test("the store admin, as staff who may not see every section", async ({ page }) => {
  await logIn(page, "sam@maple.test");
  const store = new URL(page.url()).pathname;
  await inBothLanguages(page, async () => {
    await open(page, store);
    await open(page, `${store}/settings`);
  });
});

test("the partner dashboard, as a member of an agency", async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, "nadia@northwind.test");
  const stores = new URL(page.url()).pathname;
  const organization = stores.replace(/\/stores$/, "");
  await inBothLanguages(page, async () => {
    await open(page, stores);
    await open(page, `${stores}/request`);
    await open(page, `${organization}/members`);
    await open(page, `${organization}/activity`);
    await open(page, "/partners/request?store=maple-goods.portier.test");
    await open(page, "/organizations/new");
    await open(page, "/stores/new");
  });
});
