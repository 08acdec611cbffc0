// Collaborator access over time, end to end: the owner of Cedar & Pine Outfitters approves Bluebird
// Studio's request with an end date 6 days away; the warning (due a week before) is then due at once, and
// the periodic sweep the server runs (ACCESS_SWEEP_EVERY_MS is short in scripts/test-e2e.mjs) warns both
// sides: a mail to each, the owner's Home notification, and "Expires on …" on the partner's Stores page.
// Demo data of this file: Cedar & Pine Outfitters (owner@cedarpine.test) and Bluebird Studio (bea@bluebird.test).
import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { logIn } from "./support/session";
import { expectMail } from "./support/mailbox";

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US" });
  return context.newPage();
}

const DAY = 24 * 60 * 60 * 1000;
/** As the app shows a date (medium style, UTC). */
const shown = (date: Date, locale = "en-US") => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(date);

test("an end date set at approval: both sides are warned a week before, and the partner sees when it expires", async ({ page, browser }) => {
  await logIn(page, "owner@cedarpine.test");
  const storePath = new URL(page.url()).pathname;
  await page.getByRole("navigation").getByRole("link", { name: "Settings" }).click();
  const code = (await page.getByTestId("collaborator-code").textContent())!.trim();

  const bea = await newPage(browser);
  await logIn(bea, "bea@bluebird.test");
  await bea.goto("/partners/request?store=cedar-pine.portier.test");
  await bea.getByLabel("Collaborator request code").fill(code);
  await bea.getByLabel("Orders").selectOption("manage");
  await bea.getByRole("button", { name: "Request access" }).click();
  await expect(bea).toHaveURL(/\/stores/);

  // The owner approves with fewer permissions than asked and an end date 6 days away.
  await page.goto(`${storePath}/users/requests`);
  await page.getByRole("button", { name: "Approve the request from Bluebird Studio" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Orders").selectOption("view");
  const endsOn = new Date(Date.now() + 6 * DAY);
  const day = endsOn.toISOString().slice(0, 10);
  await dialog.getByLabel("End date (optional)").fill(day);
  await dialog.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Request from Bluebird Studio approved").first()).toBeVisible();
  const endsAt = new Date(`${day}T00:00:00Z`);

  // The sweep warns both sides by mail, and the owner on Home.
  await expectMail("bea@bluebird.test", /^Your access to Cedar & Pine Outfitters ends soon$/);
  await expectMail("owner@cedarpine.test", /^Bluebird Studio's access to Cedar & Pine Outfitters ends soon$/);
  await page.goto(storePath);
  await expect(page.getByText(`Bluebird Studio's collaborator access ends on ${shown(endsAt)} (the end date you set)`)).toBeVisible();
  await page.goto(`${storePath}/users/collaborators`);
  await expect(page.getByRole("row", { name: /Bluebird Studio/ }).getByText(shown(endsAt))).toBeVisible();

  // The partner sees when it expires, and what was granted against what was asked.
  await bea.goto(bea.url().replace(/\/stores.*$/, "/stores"));
  const row = bea.getByRole("row", { name: /Cedar & Pine Outfitters/ });
  await expect(row.getByText(`Expires on ${shown(endsAt)}`)).toBeVisible();
  await expect(row.getByText("Orders: asked Manage, granted View")).toBeVisible();
});
