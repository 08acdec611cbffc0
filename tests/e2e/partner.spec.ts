// The partner dashboard, seen by Northwind Agency (nadia@, omar@) asking Maple Goods (code required) for
// access. The run leaves no request open behind it, so that other files find Maple Goods as the seed left it.
import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { logIn, screenshot } from "./support/session";
import { expectMail } from "./support/mailbox";

const MAPLE_URL = "https://MAPLE-GOODS.portier.test/admin";
const REQUEST_MAIL = /Northwind Agency (requests collaborator access to|demande un accès collaborateur à) Maple Goods/;

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

/** Saves the language on the login, as the user menu does (the server wants our own Origin). */
async function setLanguage(page: Page, locale: "en" | "fr") {
  const origin = new URL(page.url()).origin;
  const response = await page.request.post("/locale", { form: { locale, redirectTo: "/" }, headers: { origin }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
}

/** The owner reads the collaborator request code in their store's Settings (the only place it is shown). */
async function readMapleCode(browser: Browser): Promise<string> {
  const owner = await newPage(browser);
  await logIn(owner, "owner@maple.test");
  await expect(owner).toHaveURL(/\/store\/[0-9a-f-]{36}$/);
  await owner.goto(`${new URL(owner.url()).pathname}/settings`);
  const code = (await owner.getByTestId("collaborator-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^\d{4}$/);
  await owner.context().close();
  return code;
}

async function fillRequest(page: Page, options: { storeUrl?: string; code: string; message?: string }) {
  if (options.storeUrl !== undefined) await page.getByLabel("Store URL").fill(options.storeUrl);
  await page.getByLabel("Collaborator request code").fill(options.code);
  await page.getByLabel("Orders").selectOption("manage");
  await page.getByLabel("Products").selectOption("view");
  if (options.message !== undefined) await page.getByLabel("Add a message").fill(options.message);
}

/** The toast itself (Polaris also repeats its text, visually hidden, for screen readers). */
const toast = (page: Page, text: string) => page.locator(".Polaris-Frame-Toast").filter({ hasText: text });

const mapleRow = (page: Page) => page.getByRole("row").filter({ hasText: "maple-goods.portier.test" });

test("a partner requests access with the code, cancels the request and asks again", async ({ browser }) => {
  const code = await readMapleCode(browser);
  const wrong = String((Number(code) + 1) % 10_000).padStart(4, "0");

  const page = await newPage(browser);
  await logIn(page, "nadia@northwind.test");
  await setLanguage(page, "en");
  await page.goto("/");
  await expect(page).toHaveURL(/\/partners\/[0-9a-f-]{36}\/stores$/);
  const storesUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { name: "Stores", level: 1 })).toBeVisible();
  await expect(page.getByText(/^\d+ of 10 pending requests$/)).toBeVisible();

  // Add store → Request access to store
  await page.getByRole("button", { name: "Add store" }).click();
  await page.getByRole("menuitem", { name: "Request access to store" }).click();
  await expect(page).toHaveURL(`${storesUrl}/request`);
  await expect(page.getByRole("heading", { name: "Request access to store" })).toBeVisible();

  // A wrong code: the field error, and nothing pending.
  await fillRequest(page, { storeUrl: MAPLE_URL, code: wrong, message: "Northwind runs your seasonal campaigns." });
  await page.getByRole("button", { name: "Request access" }).click();
  await expect(page.getByText("The collaborator request code is incorrect.")).toBeVisible();
  await expect(page.getByLabel("Collaborator request code")).toHaveAttribute("aria-invalid", "true");
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, "partner-request-en");
  await page.goto(`${storesUrl}?status=pending`);
  await expect(mapleRow(page)).toHaveCount(0);

  // The right code: pending, the owner is emailed, back on the Stores page with a toast.
  await page.goto(`${storesUrl}/request`);
  await fillRequest(page, { storeUrl: MAPLE_URL, code, message: "Northwind runs your seasonal campaigns." });
  await page.getByRole("button", { name: "Request access" }).click();
  await expect(page).toHaveURL(new RegExp(`${storesUrl}$`));
  await expect(toast(page, "Access request sent")).toBeVisible();
  await expect(mapleRow(page)).toHaveCount(1);
  await expect(mapleRow(page).getByText("Pending", { exact: true })).toBeVisible();
  await expect(mapleRow(page).getByText("Orders: Manage, Products: View")).toBeVisible();
  const mail = await expectMail("owner@maple.test", REQUEST_MAIL);
  expect(mail.body).not.toContain(code);
  await screenshot(page, "partner-stores-en");

  // Cancel request → Cancel access request.
  await mapleRow(page).getByRole("button", { name: "Cancel request to Maple Goods" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("Cancel the request to Maple Goods?")).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel access request" }).click();
  await expect(toast(page, "Request cancelled")).toBeVisible();
  await expect(mapleRow(page)).toHaveCount(0);

  // Ask again, this time through the owner's request link, which fills in the store URL.
  await page.goto(`${storesUrl}/request?store=maple-goods.portier.test`);
  await expect(page.getByLabel("Store URL")).toHaveValue("maple-goods.portier.test");
  await fillRequest(page, { code });
  await page.getByRole("button", { name: "Request access" }).click();
  await expect(toast(page, "Access request sent")).toBeVisible();
  await expect(mapleRow(page).getByText("Pending", { exact: true })).toBeVisible();

  // The same request twice is refused, and says why.
  await page.goto(`${storesUrl}/request`);
  await fillRequest(page, { storeUrl: "maple-goods.portier.test/", code });
  await page.getByRole("button", { name: "Request access" }).click();
  await expect(page.getByText(/already has a pending request for this store/)).toBeVisible();

  // A colleague in French sees the same list.
  const omar = await newPage(browser);
  await logIn(omar, "omar@northwind.test");
  await omar.goto(storesUrl);
  await omar.getByRole("button", { name: /Omar Haddad/ }).click();
  await omar.getByRole("menuitem", { name: "Français" }).click();
  await expect(omar.getByRole("heading", { name: "Boutiques", level: 1 })).toBeVisible();
  await expect(omar.locator("html")).toHaveAttribute("lang", "fr");
  await expect(mapleRow(omar).getByText("En attente", { exact: true })).toBeVisible();
  await expect(omar.getByText(/^\d+ demandes? en attente sur 10$/)).toBeVisible();
  await screenshot(omar, "partner-stores-fr");
  await omar.getByRole("button", { name: "Ajouter une boutique" }).click();
  await omar.getByRole("menuitem", { name: "Demander l'accès à la boutique" }).click();
  await expect(omar.getByRole("heading", { name: "Demander l'accès à la boutique" })).toBeVisible();
  await omar.getByLabel("URL de la boutique").fill("harbor-tea.portier.test");
  await omar.getByLabel("Commandes").selectOption("view");
  await omar.getByLabel("Ajouter un message").fill("Bonjour, nous gérons votre catalogue.");
  await screenshot(omar, "partner-request-fr");
  await setLanguage(omar, "en");
  await omar.context().close();

  // Leave Maple Goods as we found it.
  await page.goto(storesUrl);
  await mapleRow(page).getByRole("button", { name: "Cancel request to Maple Goods" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel access request" }).click();
  await expect(toast(page, "Request cancelled")).toBeVisible();
  await expect(mapleRow(page)).toHaveCount(0);

  // All of it is in the organization's activity.
  await page.getByRole("navigation").getByRole("link", { name: "Activity" }).click();
  await expect(page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Incorrect collaborator request code" }).first()).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Cancelled a request" }).first()).toBeVisible();
});

test("the store admin cannot be entered as a collaborator by URL, nor another organization's dashboard", async ({ browser }) => {
  const owner = await newPage(browser);
  await logIn(owner, "owner@maple.test");
  await expect(owner).toHaveURL(/\/store\/[0-9a-f-]{36}$/);
  const mapleAdmin = new URL(owner.url()).pathname;
  await owner.context().close();

  const page = await newPage(browser);
  await logIn(page, "nadia@northwind.test");
  const northwind = new URL(page.url()).pathname;
  // No "Log in" from the Stores page, no way in: the store does not exist for her.
  const direct = await page.goto(`${mapleAdmin}/orders`);
  expect(direct?.status()).toBe(404);
  await expect(page.getByText("Page not found")).toBeVisible();

  // Someone outside Northwind Agency gets a 404 for its pages, and for its forms.
  const stranger = await newPage(browser);
  await stranger.goto("/signup");
  await stranger.getByLabel("First name").fill("Sasha");
  await stranger.getByLabel("Last name").fill("Stranger");
  await stranger.getByLabel("Email").fill(`stranger-${Date.now()}@example.test`);
  await stranger.getByLabel("Password").fill("a sound passphrase");
  await stranger.getByRole("button", { name: "Create login" }).click();
  await expect(stranger.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
  for (const path of [`${northwind}`, `${northwind.replace(/stores$/, "activity")}`, `${northwind}/request`]) {
    expect((await stranger.goto(path))?.status(), path).toBe(404);
  }
  const origin = new URL(stranger.url()).origin;
  const forged = await stranger.request.post(`${northwind}/request`, { form: { storeUrl: "harbor-tea.portier.test", "perm.orders": "view" }, headers: { origin }, maxRedirects: 0 });
  expect(forged.status()).toBe(404);
});

test("clicking Stores while on Stores loads it afresh: the owner's approval shows without a reload", async ({ browser }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  // A store of its own, so that no other test's requests meet this one.
  const owner = await newPage(browser);
  await owner.goto("/signup");
  await owner.getByLabel("First name").fill("Rhea");
  await owner.getByLabel("Last name").fill("Owner");
  await owner.getByLabel("Email").fill(`rhea-${stamp}@example.test`);
  await owner.getByLabel("Password").fill("a sound passphrase");
  await owner.getByRole("button", { name: "Create login" }).click();
  await owner.getByRole("link", { name: "Create a store" }).first().click();
  await owner.getByLabel("Store name").fill("Reload Store");
  await owner.getByLabel("Store address").fill(`reload-${stamp}`);
  await owner.getByRole("button", { name: "Create store" }).click();
  await expect(owner).toHaveURL(/\/store\/[0-9a-f-]{36}$/);
  const storePath = new URL(owner.url()).pathname;
  await owner.goto(`${storePath}/settings`);
  const code = (await owner.getByTestId("collaborator-code").textContent())?.trim() ?? "";

  const partner = await newPage(browser);
  await logIn(partner, "bea@bluebird.test");
  await expect(partner).toHaveURL(/\/partners\/[0-9a-f-]{36}\/stores$/);
  const storesPath = new URL(partner.url()).pathname;
  await partner.goto(`${storesPath}/request`);
  await fillRequest(partner, { storeUrl: `reload-${stamp}.portier.test`, code });
  await partner.getByRole("button", { name: "Request access" }).click();
  // Back on Stores, at its own address: the toast came through the session, not the URL.
  await expect(toast(partner, "Access request sent")).toBeVisible();
  expect(new URL(partner.url()).search).toBe("");
  const row = partner.getByRole("row").filter({ hasText: `reload-${stamp}.portier.test` });
  await expect(row.getByText("Pending", { exact: true })).toBeVisible();
  const historyBefore = await partner.evaluate(() => history.length);

  await owner.goto(`${storePath}/users/requests`);
  await owner.getByRole("button", { name: /^Approve/ }).first().click();
  await owner.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
  await expect(toast(owner, "Request from Bluebird Studio approved")).toBeVisible();

  // The partner, still on Stores, clicks Stores in the navigation.
  await partner.getByRole("navigation").getByRole("link", { name: "Stores", exact: true }).click();
  await expect(row.getByText("Managed", { exact: true })).toBeVisible();
  expect(new URL(partner.url()).pathname).toBe(storesPath);
  expect(await partner.evaluate(() => history.length)).toBe(historyBefore);

  // Give the access back, so the demo organization keeps no access to a test store.
  await row.getByRole("button", { name: /^Remove access/ }).click();
  await partner.getByRole("dialog").getByRole("button", { name: "Remove store" }).click();
  await expect(row.getByText("Access removed", { exact: true })).toBeVisible();
  await owner.context().close();
  await partner.context().close();
});
