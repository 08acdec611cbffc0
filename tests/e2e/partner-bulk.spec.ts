// Agency scale on the partner Stores page: Bluebird Studio (bea@) manages two stores of a fresh owner,
// selects both, removes access to them after one confirmation, and reads the summary toast. The stores are
// the test's own, so no other test's rows meet these, and the demo organization keeps no access to them.
import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { logIn, screenshot } from "./support/session";

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

const toast = (page: Page, text: string) => page.locator(".Polaris-Frame-Toast").filter({ hasText: text });

test("a partner removes access to several stores at once, after one confirmation", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const owner = await newPage(browser);
  await owner.goto("/signup");
  await owner.getByLabel("First name").fill("Bulk");
  await owner.getByLabel("Last name").fill("Owner");
  await owner.getByLabel("Email").fill(`bulk-${stamp}@example.test`);
  await owner.getByLabel("Password").fill("a sound passphrase");
  await owner.getByRole("button", { name: "Create login" }).click();
  await expect(owner.getByRole("heading", { name: "Your workspaces" })).toBeVisible();

  const stores: { handle: string; path: string; code: string }[] = [];
  for (const n of [1, 2]) {
    const handle = `bulk${n}-${stamp}`;
    await owner.goto("/stores/new");
    await owner.getByLabel("Store name").fill(`Bulk Store ${n}`);
    await owner.getByLabel("Store address").fill(handle);
    await owner.getByRole("button", { name: "Create store" }).click();
    await expect(owner).toHaveURL(/\/store\/[0-9a-f-]{36}$/);
    const path = new URL(owner.url()).pathname;
    await owner.goto(`${path}/settings`);
    const code = (await owner.getByTestId("collaborator-code").textContent())?.trim() ?? "";
    expect(code).toMatch(/^\d{4}$/);
    stores.push({ handle, path, code });
  }

  const partner = await newPage(browser);
  await logIn(partner, "bea@bluebird.test");
  await expect(partner).toHaveURL(/\/partners\/[0-9a-f-]{36}\/stores$/);
  const storesPath = new URL(partner.url()).pathname;
  for (const store of stores) {
    await partner.goto(`${storesPath}/request`);
    await partner.getByLabel("Store URL").fill(`${store.handle}.portier.test`);
    await partner.getByLabel("Collaborator request code").fill(store.code);
    await partner.getByLabel("Orders").selectOption("view");
    await partner.getByRole("button", { name: "Request access" }).click();
    await expect(toast(partner, "Access request sent")).toBeVisible();
    await owner.goto(`${store.path}/users/requests`);
    await owner.getByRole("button", { name: /^Approve/ }).first().click();
    await owner.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
    await expect(toast(owner, "Request from Bluebird Studio approved")).toBeVisible();
  }

  await partner.goto(`${storesPath}?status=managed&q=${stamp}`);
  const rows = stores.map((store) => partner.getByRole("row").filter({ hasText: `${store.handle}.portier.test` }));
  for (const row of rows) {
    await expect(row.getByText("Managed", { exact: true })).toBeVisible();
    await row.getByRole("checkbox").check();
  }
  await partner.getByRole("button", { name: "Remove access", exact: true }).click();
  const dialog = partner.getByRole("dialog");
  await expect(dialog.getByText("Remove access to 2 stores?")).toBeVisible();
  await expect(dialog.getByText("Bulk Store 1")).toBeVisible();
  await expect(dialog.getByText("Bulk Store 2")).toBeVisible();
  await screenshot(partner, "partner-bulk-remove-en");
  await dialog.getByRole("button", { name: "Remove stores" }).click();
  await expect(toast(partner, "Access removed from 2 stores.")).toBeVisible();

  await partner.goto(`${storesPath}?q=${stamp}`);
  for (const row of rows) await expect(row.getByText("Access removed", { exact: true })).toBeVisible();
  // Each store's owner sees the removal in their log, by the member who did it.
  await owner.goto(stores[0].path);
  await expect(owner.getByText("Removed a collaborator access").first()).toBeVisible();
  await expect(owner.getByText(/Béa Lemoine/).first()).toBeVisible();
  await owner.context().close();
  await partner.context().close();
});
