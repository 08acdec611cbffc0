import { expect, test } from "./support/test";
import { logIn, screenshot } from "./support/session";

test("a new person signs up, creates a store and lands in its admin", async ({ page }) => {
  const email = `founder-${Date.now()}@example.test`;
  await page.goto("/signup");
  await page.getByLabel("First name").fill("Flora");
  await page.getByLabel("Last name").fill("Founder");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create login" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await page.getByLabel("Password").fill("a sound passphrase");
  await page.getByRole("button", { name: "Create login" }).click();
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
  await screenshot(page, "account-en");

  await page.getByRole("link", { name: "Create a store" }).first().click();
  await page.getByLabel("Store name").fill("Flora's Flowers");
  await page.getByLabel("Store address").fill("Floras Flowers");
  await page.getByRole("button", { name: "Create store" }).click();
  await expect(page.getByText(/Use 1 to 40 lower-case letters/)).toBeVisible();
  await page.getByLabel("Store address").fill(`floras-${Date.now()}`);
  await page.getByRole("button", { name: "Create store" }).click();
  await expect(page).toHaveURL(/\/store\/[0-9a-f-]{36}$/);
  const nav = page.getByRole("navigation");
  for (const section of ["Home", "Orders", "Products", "Customers", "Settings", "Users and permissions"]) {
    await expect(nav.getByRole("link", { name: section, exact: true })).toBeVisible();
  }
});

test("a wrong password says so without telling which part was wrong", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("nadia@northwind.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  await screenshot(page, "login-error-en");
});

test("a partner lands in the partner dashboard, an owner in the store admin", async ({ page }) => {
  await logIn(page, "nadia@northwind.test");
  await expect(page).toHaveURL(/\/partners\/[0-9a-f-]{36}\/stores/);
  await expect(page.getByRole("navigation").getByRole("link", { name: "Stores" })).toBeVisible();

  await page.context().clearCookies();
  await logIn(page, "owner@maple.test");
  await expect(page).toHaveURL(/\/store\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("navigation").getByRole("link", { name: "Users and permissions" })).toBeVisible();
});

test("staff see only the sections their permissions allow, and a 403 page in the frame otherwise", async ({ page }) => {
  await logIn(page, "sam@maple.test");
  const nav = page.getByRole("navigation");
  await expect(nav.getByRole("link", { name: "Orders" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Users and permissions" })).toHaveCount(0);
  const url = new URL(page.url());
  const response = await page.goto(`${url.pathname}/settings`);
  expect(response?.status()).toBe(403);
  await expect(page.getByText("You don't have access to this page")).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "Orders" })).toBeVisible();
});

test("the interface switches to French and stays French", async ({ page }) => {
  await logIn(page, "owner@harbor.test");
  await page.getByRole("button", { name: /Hugo Marchand/ }).click();
  await page.getByRole("menuitem", { name: "Français" }).click();
  await expect(page.getByRole("navigation").getByRole("link", { name: "Commandes" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  try {
    await page.reload();
    await expect(page.getByRole("navigation").getByRole("link", { name: "Utilisateurs et autorisations" })).toBeVisible();
    await screenshot(page, "store-home-fr");
  } finally {
    // The choice is saved on the login: put it back so other tests see this owner in English.
    await page.getByRole("button", { name: /Hugo Marchand/ }).click();
    await page.getByRole("menuitem", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  }
});
