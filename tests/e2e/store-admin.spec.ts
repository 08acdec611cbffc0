// The store owner's side: staff accounts (invite, limit, accept, lock), the collaborator request code
// (regenerate, old code refused), deciding a request, Users and permissions in English and French.
// Demo data of this file: Cedar & Pine Outfitters (owner@cedarpine.test, Basic plan: 2 staff), Atelier
// Lumière (owner@lumiere.test, staff jules@lumiere.test) and Bluebird Studio (bea@bluebird.test).
import { readFile } from "node:fs/promises";
import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { logIn, screenshot } from "./support/session";
import { expectMail, mailTo } from "./support/mailbox";

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US" });
  return context.newPage();
}

async function openUsers(page: Page, tab: "Collaborator requests" | "Collaborators" | "Staff") {
  await page.getByRole("navigation").getByRole("link", { name: "Users and permissions" }).click();
  await page.getByRole("tab", { name: new RegExp(`^${tab}`) }).click();
  await expect(page.getByRole("tab", { name: new RegExp(`^${tab}`) })).toHaveAttribute("aria-selected", "true");
}

/** Mail bodies may be quoted-printable: undo soft line breaks before reading a link. */
function linkIn(body: string, pattern: RegExp): string {
  const text = body.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  const match = pattern.exec(text);
  if (!match) throw new Error(`no link matching ${pattern} in:\n${text}`);
  return match[0];
}

/** Subjects with accents arrive MIME-encoded (RFC 2047): decode before matching. */
function decodeSubject(subject: string): string {
  return subject.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, encoding: string, text: string) =>
    encoding.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8"),
  );
}

async function expectDecodedMail(address: string, subject: RegExp) {
  await expect
    .poll(() => mailTo(address).some((mail) => subject.test(decodeSubject(mail.subject))), { timeout: 15_000, message: `mail to ${address} matching ${subject}` })
    .toBe(true);
}

async function addStaff(page: Page, person: { first: string; last: string; email: string }, section: string, level: "view" | "manage") {
  await page.getByRole("link", { name: "Add staff" }).click();
  await expect(page.getByRole("heading", { name: "Add staff" })).toBeVisible();
  await page.getByLabel("First name").fill(person.first);
  await page.getByLabel("Last name").fill(person.last);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel(section, { exact: true }).selectOption(level);
  await page.getByRole("button", { name: "Send invitation" }).click();
}

test("the owner adds staff up to the plan's limit; the invited person sets a password and sees only their sections", async ({ page, browser }) => {
  const stamp = Date.now();
  const first = { first: "Camille", last: "Roy", email: `camille-${stamp}@cedarpine.test` };
  const second = { first: "Dario", last: "Vega", email: `dario-${stamp}@cedarpine.test` };
  await logIn(page, "owner@cedarpine.test");
  await openUsers(page, "Staff");
  await expect(page.getByText("0 of 2 staff accounts used")).toBeVisible();

  await addStaff(page, first, "Orders", "manage");
  await expect(page.getByText(`Invitation sent to ${first.email}`).first()).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(first.email) });
  await expect(row.getByText("Invited")).toBeVisible();
  await expect(row.getByText("Orders: Manage")).toBeVisible();

  await addStaff(page, second, "Products", "view");
  await expect(page.getByText("2 of 2 staff accounts used")).toBeVisible();
  await expect(page.getByText("Your plan's staff limit is reached")).toBeVisible();

  // A third is refused with the reason and what to do.
  await addStaff(page, { first: "Eve", last: "Extra", email: `eve-${stamp}@cedarpine.test` }, "Home", "view");
  await expect(page.getByText("The invitation wasn't sent")).toBeVisible();
  await expect(page.getByText(/Your plan's staff limit \(2 accounts\) is reached\. Archive or remove a staff account first/)).toBeVisible();
  await screenshot(page, "store-staff-limit-en");

  // The invited person follows the link from the email.
  const mail = await expectMail(first.email, /invited to work in Cedar & Pine Outfitters/);
  const link = linkIn(mail.body, /https?:\/\/[^\s]+\/invitations\/[A-Za-z0-9_-]+/);
  const invited = await newPage(browser);
  await invited.goto(new URL(link).pathname);
  await expect(invited.getByRole("heading", { name: "Join Cedar & Pine Outfitters on Portier" })).toBeVisible();
  await invited.getByLabel("Password").fill("camille's passphrase");
  await invited.getByRole("button", { name: "Create login and join" }).click();
  await expect(invited).toHaveURL(/\/store\/[0-9a-f-]{36}$/);
  const nav = invited.getByRole("navigation");
  await expect(nav.getByRole("link", { name: "Orders" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users and permissions" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);

  // The link works once.
  await invited.context().clearCookies();
  await invited.goto(new URL(link).pathname);
  await expect(invited.getByRole("heading", { name: "This invitation was already used" })).toBeVisible();

  await openUsers(page, "Staff");
  await expect(page.getByRole("row", { name: new RegExp(first.email) }).getByText("Active")).toBeVisible();
});

test("locking a staff member refuses their open session at once; unlocking restores it", async ({ page, browser }) => {
  const jules = await newPage(browser);
  await logIn(jules, "jules@lumiere.test");
  await expect(jules.getByRole("navigation").getByRole("link", { name: "Products" })).toBeVisible();
  const productsUrl = new URL(jules.url()).pathname + "/products";

  await logIn(page, "owner@lumiere.test");
  await openUsers(page, "Staff");
  await page.getByRole("link", { name: "Jules Bernard" }).click();
  await expect(page.getByRole("heading", { name: "Jules Bernard" })).toBeVisible();
  await page.getByRole("button", { name: "Lock", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("Lock Jules Bernard's account?")).toBeVisible();
  await dialog.getByRole("button", { name: "Lock", exact: true }).click();
  await expect(page.getByText("Account locked").first()).toBeVisible();
  await expect(page.getByText("Refused: the account is locked.")).toBeVisible();

  const refused = await jules.goto(productsUrl);
  expect(refused?.status()).toBe(403);
  await expect(jules.getByText("You don't have access to this page")).toBeVisible();

  await page.getByRole("button", { name: "Unlock", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Unlock", exact: true }).click();
  await expect(page.getByText("Account unlocked").first()).toBeVisible();
  const restored = await jules.goto(productsUrl);
  expect(restored?.status()).toBe(200);
});

test("a new code stops the old one at once; the owner narrows a request and approves it; Users and permissions in English and French", async ({ page, browser }) => {
  await logIn(page, "owner@lumiere.test");
  const storePath = new URL(page.url()).pathname;
  await page.getByRole("navigation").getByRole("link", { name: "Settings" }).click();
  const codeBox = page.getByTestId("collaborator-code");
  const oldCode = (await codeBox.textContent())!.trim();
  await page.getByRole("button", { name: "Generate new code" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Generate new code" }).click();
  await expect(page.getByText("New code generated. The old code no longer works.").first()).toBeVisible();
  await expect(codeBox).not.toHaveText(oldCode);
  const newCode = (await codeBox.textContent())!.trim();
  expect(newCode).toMatch(/^\d{4}$/);

  // The partner opens the owner's request link and types the old code: refused, nothing sent.
  const bea = await newPage(browser);
  await logIn(bea, "bea@bluebird.test");
  await bea.goto("/partners/request?store=atelier-lumiere.portier.test");
  await expect(bea).toHaveURL(/\/partners\/[0-9a-f-]{36}\/stores\/request\?store=atelier-lumiere\.portier\.test/);
  await expect(bea.getByLabel("Store URL")).toHaveValue("atelier-lumiere.portier.test");
  await bea.getByLabel("Collaborator request code").fill(oldCode);
  await bea.getByLabel("Orders").selectOption("manage");
  await bea.getByLabel("Products").selectOption("manage");
  await bea.getByLabel("Add a message").fill("We run your holiday campaign.");
  await bea.getByRole("button", { name: "Request access" }).click();
  await expect(bea.getByText("The collaborator request code is incorrect.")).toBeVisible();
  await bea.getByLabel("Collaborator request code").fill(newCode);
  await bea.getByRole("button", { name: "Request access" }).click();
  await expect(bea).toHaveURL(/\/stores/);

  // The owner sees the failed attempt, and the request on Home and in Users and permissions.
  await page.reload();
  await expect(page.getByRole("row", { name: /Bluebird Studio/ })).toBeVisible();
  await screenshot(page, "store-settings-en");
  await page.goto(storePath);
  await expect(page.getByText("Bluebird Studio requested collaborator access (Béa Lemoine)")).toBeVisible();
  // Home's activity log, filtered to the code's kind, exports as a CSV file.
  await page.getByLabel("Kind").selectOption("collaborator_code");
  // Wait for the filtered page: the export posts the filters the page shows.
  await expect(page).toHaveURL(/kind=collaborator_code/);
  await expect(page.getByRole("cell", { name: "Requested collaborator access" })).toHaveCount(0);
  await expect(page.getByRole("cell", { name: "Generated a new collaborator request code" })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^atelier-lumiere-activity-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), "utf8");
  expect(csv).toContain("collaborator_code.regenerated");
  expect(csv).toContain("collaborator_code.failed_attempt");
  expect(csv).not.toContain("collaborator_request.created");
  // The person filter fetches the people in the log when it gets focus, and narrows as one types.
  await page.getByLabel("Kind").selectOption({ index: 0 });
  await expect(page).not.toHaveURL(/kind=/);
  const personFilter = page.getByRole("combobox", { name: "Person" });
  await personFilter.click();
  await personFilter.fill("béa");
  await page.getByRole("option", { name: /Béa Lemoine/ }).click();
  await expect(page).toHaveURL(/person=[0-9a-f-]{36}/);
  await expect(page.getByRole("cell", { name: "Generated a new collaborator request code" })).toHaveCount(0);
  await expect(page.getByRole("cell", { name: "Requested collaborator access" }).first()).toBeVisible();
  await expect(personFilter).toHaveValue(/Béa Lemoine/);
  await screenshot(page, "store-home-person-filter-en");
  await openUsers(page, "Collaborator requests");
  await expect(page.getByRole("heading", { name: "Bluebird Studio" })).toBeVisible();
  await expect(page.getByText("We run your holiday campaign.")).toBeVisible();
  await screenshot(page, "store-users-requests-en");

  await page.getByRole("button", { name: "Approve the request from Bluebird Studio" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Orders")).toHaveValue("manage");
  await expect(dialog.getByLabel("Users and permissions")).toHaveCount(0);
  await dialog.getByLabel("Products").selectOption("view");
  await dialog.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Request from Bluebird Studio approved").first()).toBeVisible();
  await expectDecodedMail("bea@bluebird.test", /Access to Atelier Lumière approved/);

  await openUsers(page, "Collaborators");
  const row = page.getByRole("row", { name: /Bluebird Studio/ });
  await expect(row.getByText("Active")).toBeVisible();
  await expect(row.getByText("Orders: Manage")).toBeVisible();
  await expect(row.getByText("Products: View")).toBeVisible();
  await screenshot(page, "store-users-en");

  // The same screen in French.
  await page.getByRole("button", { name: /Léa Rousseau/ }).click();
  await page.getByRole("menuitem", { name: "Français" }).click();
  await expect(page.getByRole("tab", { name: /^Collaborateurs/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Modifier les autorisations de Bluebird Studio" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Supprimer le collaborateur Bluebird Studio" })).toBeVisible();
  await screenshot(page, "store-users-fr");
  await page.getByRole("button", { name: /Léa Rousseau/ }).click();
  await page.getByRole("menuitem", { name: "English" }).click();
  await expect(page.getByRole("tab", { name: /^Collaborators/ })).toBeVisible();
});
