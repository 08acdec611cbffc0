// The whole collaborator journey across both sides: Northwind Agency (nadia) and Harbor Tea (no code
// required, owner@harbor.test). Issues 3 and 4: approve with narrowed permissions, log in and see only
// those sections, permissions edited take effect, removal by the owner and by the partner.
import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectMail } from "./support/mailbox";
import { logIn, screenshot } from "./support/session";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: "en-US" })).newPage();
  await logIn(page, email);
  return page;
}

const harborRow = (page: Page) => page.getByRole("row").filter({ hasText: "harbor-tea.portier.test" });

async function requestHarbor(nadia: Page, storesUrl: string) {
  await nadia.goto(`${storesUrl}/request`);
  await nadia.getByLabel("Store URL").fill("HTTPS://Harbor-Tea.portier.test/admin");
  await nadia.getByLabel("Home").selectOption("view");
  await nadia.getByLabel("Orders").selectOption("manage");
  await nadia.getByLabel("Products").selectOption("view");
  await nadia.getByRole("button", { name: "Request access" }).click();
  await expect(harborRow(nadia).getByText("Pending")).toBeVisible();
}

async function openCollaboratorTab(owner: Page, tab: "Collaborator requests" | "Collaborators") {
  await owner.getByRole("navigation").getByRole("link", { name: "Users and permissions" }).click();
  await owner.getByRole("tab", { name: new RegExp(`^${tab}`) }).click();
}

async function approve(owner: Page, narrow?: { section: string; level: string }) {
  await owner.goto("/");
  await openCollaboratorTab(owner, "Collaborator requests");
  await owner.getByRole("button", { name: "Approve the request from Northwind Agency" }).click();
  const dialog = owner.getByRole("dialog");
  if (narrow) await dialog.getByLabel(narrow.section).selectOption(narrow.level);
  await dialog.getByRole("button", { name: "Approve" }).click();
  await expect(owner.getByText("Request from Northwind Agency approved").first()).toBeVisible();
}

test("request, approve narrowed, log in, permissions change, owner removes; then the partner gives access back", async ({ browser }) => {
  // Two people, two approvals and two removals: longer than one page's budget.
  test.setTimeout(180_000);
  const nadia = await signedIn(browser, "nadia@northwind.test");
  const storesUrl = new URL(nadia.url()).pathname.replace(/\/stores.*$/, "/stores");
  const owner = await signedIn(browser, "owner@harbor.test");

  await requestHarbor(nadia, storesUrl);
  await expectMail("owner@harbor.test", /Northwind Agency/);

  // The owner narrows: no Products.
  await approve(owner, { section: "Products", level: "" });
  await expectMail("nadia@northwind.test", /approved/i);

  // Log in from the partner dashboard: only Home and Orders, Orders with edit controls.
  await nadia.goto(storesUrl);
  await expect(harborRow(nadia).getByText("Managed")).toBeVisible();
  await harborRow(nadia).getByRole("button", { name: "Log in to Harbor Tea" }).click();
  await expect(nadia).toHaveURL(/\/store\/[0-9a-f-]{36}/);
  const storePath = new URL(nadia.url()).pathname.match(/^\/store\/[0-9a-f-]{36}/)![0];
  const nav = nadia.getByRole("navigation");
  await expect(nav.getByRole("link", { name: "Orders" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Home" })).toBeVisible();
  for (const hidden of ["Products", "Customers", "Settings", "Users and permissions"]) {
    await expect(nav.getByRole("link", { name: hidden, exact: true })).toHaveCount(0);
  }
  expect((await nadia.goto(`${storePath}/products`))?.status()).toBe(403);
  expect((await nadia.goto(`${storePath}/users`))?.status()).toBe(403);
  await nadia.goto(`${storePath}/orders`);
  await screenshot(nadia, "collaborator-store-en");

  // The owner grants Customers (view): the collaborator's next page shows it.
  await owner.goto("/");
  await openCollaboratorTab(owner, "Collaborators");
  await owner.getByRole("button", { name: "Edit permissions of Northwind Agency" }).click();
  await owner.getByRole("dialog").getByLabel("Customers").selectOption("view");
  await owner.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  await expect(owner.getByRole("row", { name: /Northwind Agency/ }).getByText("Customers: View")).toBeVisible();
  await nadia.goto(`${storePath}/orders`);
  await expect(nadia.getByRole("navigation").getByRole("link", { name: "Customers" })).toBeVisible();
  expect((await nadia.goto(`${storePath}/customers`))?.status()).toBe(200);

  // The owner removes the collaborator: the open session stops working at once.
  await owner.getByRole("button", { name: "Remove collaborator Northwind Agency" }).click();
  await owner.getByRole("dialog").getByRole("button", { name: "Remove collaborator" }).click();
  await expect(owner.getByRole("row", { name: /Northwind Agency/ })).toHaveCount(0);
  const refused = await nadia.goto(`${storePath}/orders`);
  expect([403, 404]).toContain(refused?.status());
  await nadia.goto(storesUrl);
  await expect(harborRow(nadia).getByText("Access removed")).toBeVisible();

  // A new request is allowed; approved again; this time the partner gives the access back.
  await requestHarbor(nadia, storesUrl);
  await approve(owner);
  await nadia.goto(storesUrl);
  await harborRow(nadia).getByRole("button", { name: "Remove access to Harbor Tea" }).click();
  await nadia.getByRole("dialog").getByRole("button", { name: "Remove store" }).click();
  await expect(harborRow(nadia).getByText("Access removed")).toBeVisible();
  expect([403, 404]).toContain((await nadia.goto(`${storePath}/orders`))?.status());
  await nadia.goto(storesUrl);
  await harborRow(nadia).getByRole("button", { name: "Remove Harbor Tea from list" }).click();
  await expect(harborRow(nadia)).toHaveCount(0);

  await nadia.context().close();
  await owner.context().close();
});
