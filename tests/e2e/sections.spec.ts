// Orders, Products and Customers in the store admin of Maple Goods (demo data: owner@maple.test, and
// sam@maple.test with home_view, orders_manage, products_view, customers_view).
import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { logIn, screenshot } from "./support/session";

async function storeBase(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/store\/[0-9a-f-]{36}/);
  return new URL(page.url()).pathname.match(/^\/store\/[0-9a-f-]{36}/)![0];
}

async function setLanguage(page: Page, locale: "en" | "fr") {
  const origin = new URL(page.url()).origin;
  const response = await page.request.post("/locale", { form: { locale, redirectTo: "/account" }, headers: { Origin: origin }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
}

test("staff with orders:manage change an order's status and add a note", async ({ page }) => {
  await logIn(page, "sam@maple.test");
  const base = await storeBase(page);
  await page.getByRole("navigation").getByRole("link", { name: "Orders" }).click();
  await expect(page.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Customer" })).toBeVisible();
  await screenshot(page, "orders-en");

  await page.getByRole("tab", { name: "Open" }).click();
  await expect(page).toHaveURL(/status=open/);
  // The filtered list has replaced the full one: only open orders are left.
  await expect(page.locator("tbody").getByText("Fulfilled", { exact: true })).toHaveCount(0);
  const firstOrder = page.getByRole("link", { name: /^#\d+$/ }).first();
  const number = (await firstOrder.textContent())!.trim();
  await firstOrder.click();
  await expect(page.getByRole("heading", { name: number })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`^.*${base}/orders/[0-9a-f-]{36}$`));

  await page.getByLabel("Change status to").selectOption("FULFILLED");
  await page.getByRole("button", { name: "Update status" }).click();
  await expect(page.getByText("Order status updated")).toBeVisible();
  await expect(page.getByLabel("Change status to")).toHaveValue("REFUNDED");

  const note = `Customer asked for gift wrapping (${Date.now()})`;
  await page.getByLabel("Add a note").fill(note);
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByText("Note added")).toBeVisible();
  await expect(page.getByText(note)).toBeVisible();
  await expect(page.getByText(/Sam Tremblay ·/)).toBeVisible();
  await expect(page.getByLabel("Add a note")).toHaveValue("");

  // The list shows the new status, and searching by number finds the order.
  await page.goto(`${base}/orders?q=${encodeURIComponent(number)}`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: number, exact: true }) });
  await expect(row.getByText("Fulfilled")).toBeVisible();
});

test("staff with products:view see products read-only, and a forged write is refused", async ({ page }) => {
  await logIn(page, "sam@maple.test");
  const base = await storeBase(page);
  const origin = new URL(page.url()).origin;
  await page.goto(`${base}/products`);
  await expect(page.getByRole("heading", { name: "Products", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Maple syrup, amber 500 ml" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add product" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Add product" })).toHaveCount(0);

  await page.getByRole("link", { name: "Maple syrup, amber 500 ml" }).click();
  await expect(page.getByRole("heading", { name: "Maple syrup, amber 500 ml" })).toBeVisible();
  await expect(page.getByText("Product details")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Archive" })).toHaveCount(0);
  await expect(page.getByRole("textbox")).toHaveCount(0);
  const productPath = new URL(page.url()).pathname;

  const forgedCreate = await page.request.post(`${base}/products/new`, {
    form: { intent: "save", title: "Forged", price: "1", inventory: "1", status: "ACTIVE" },
    headers: { Origin: origin },
  });
  expect(forgedCreate.status()).toBe(403);
  const forgedArchive = await page.request.post(productPath, { form: { intent: "archive" }, headers: { Origin: origin } });
  expect(forgedArchive.status()).toBe(403);
  const direct = await page.goto(`${base}/products/new`);
  expect(direct?.status()).toBe(403);
  await expect(page.getByText("You don't have access to this page")).toBeVisible();

  await page.goto(`${base}/products?q=Forged`);
  await expect(page.getByText("No results")).toBeVisible();
  await page.goto(productPath);
  await expect(page.getByText("Active", { exact: true }).first()).toBeVisible();
});

test("the owner creates a product and archives it", async ({ page }) => {
  await logIn(page, "owner@maple.test");
  const base = await storeBase(page);
  await page.goto(`${base}/products`);
  await page.getByRole("link", { name: "Add product" }).click();
  await expect(page.getByRole("heading", { name: "Add product" })).toBeVisible();

  const title = `Birch salad bowl ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Price").fill("abc");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Enter a price like 14.90")).toBeVisible();
  await page.getByLabel("Description").fill("Turned from a single piece of Quebec birch.");
  await page.getByLabel("Price").fill("24,50");
  await page.getByLabel("Inventory", { exact: true }).fill("7");
  await page.getByLabel("SKU (stock keeping unit)").fill("MAP-900");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Product created")).toBeVisible();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByLabel("Price")).toHaveValue("24.50");
  const productPath = new URL(page.url()).pathname;

  try {
    await setLanguage(page, "fr");
    await page.goto(productPath);
    await expect(page.getByLabel("Prix", { exact: true })).toHaveValue("24,50");
    await expect(page.getByRole("button", { name: "Archiver" })).toBeVisible();
    await screenshot(page, "product-fr");
  } finally {
    await setLanguage(page, "en");
  }

  await page.goto(productPath);
  await page.getByRole("button", { name: "Archive" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText(`Archive ${title}?`)).toBeVisible();
  await dialog.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByText("Product archived")).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Archive" })).toHaveCount(0);

  await page.goto(`${base}/products?status=archived`);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});

test("the owner exports a backup, imports customers from a CSV with one bad row and reads the report", async ({ page }) => {
  await logIn(page, "owner@maple.test");
  const base = await storeBase(page);
  await page.goto(`${base}/customers`);
  await page.getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Import customers" })).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export customers (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);

  const stamp = Date.now();
  const csv = [
    "Firstname,Lastname,E-mail,City,Country,Accepts marketing",
    `Juliette,Gagnon,juliette.${stamp}@example.test,Sherbrooke,CA,Yes`,
    `Marc,Tremblay,marc.${stamp}@example.test,Lévis,CA,No`,
    "Paul,Sansmail,paul-at-example.test,Laval,CA,No",
  ].join("\n");
  await page.getByLabel("CSV file").setInputFiles({ name: "new-customers.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Import customers" }).click();
  await expect(page.getByText("Import report: new-customers.csv")).toBeVisible();
  await expect(page.getByText("2 customers created. 0 customers updated.")).toBeVisible();
  await expect(page.getByText("1 row with errors was not imported.", { exact: false })).toBeVisible();
  const errorRow = page.getByRole("row").filter({ hasText: "paul-at-example.test" });
  await expect(errorRow).toContainText("4");
  await expect(errorRow).toContainText("E-mail: Enter a valid email address");
  await screenshot(page, "customers-import-en");

  await page.goto(`${base}/customers?q=${encodeURIComponent(`juliette.${stamp}`)}`);
  await page.getByRole("link", { name: "Juliette Gagnon" }).click();
  await expect(page.getByLabel("City", { exact: true })).toHaveValue("Sherbrooke");
  await expect(page.getByLabel("Customer agreed to receive marketing emails")).toBeChecked();
  await page.goto(`${base}/customers?q=paul-at-example`);
  await expect(page.getByText("No results")).toBeVisible();
});
