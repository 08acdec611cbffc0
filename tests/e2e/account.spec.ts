// Logins and accounts (issue 13), in the browser: "Forgot your password?" through the mail to a new
// password (every session signed out), and an email change confirmed from the new address.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectMail } from "./support/mailbox";
import { logIn } from "./support/session";

const PASSWORD = "a sound passphrase";

async function signUp(page: Page, email: string) {
  await page.goto("/signup");
  await page.getByLabel("First name").fill("Rosa");
  await page.getByLabel("Last name").fill("Recover");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create login" }).click();
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
}

/** The path of the first link of the app in a mail's text (quoted-printable soft breaks undone). */
function linkIn(body: string, pattern: RegExp): string {
  const text = body.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  const url = text.match(/https?:\/\/\S+/g)?.find((candidate) => pattern.test(candidate));
  if (!url) throw new Error(`no link matching ${pattern} in:\n${body}`);
  return new URL(url).pathname;
}

test("forgot password: the link by mail, the new password twice, every session signed out", async ({ page, browser }) => {
  const email = `forgetful-${Date.now()}@example.test`;
  await signUp(page, email);
  // Another browser signed in to the same login: the reset must end its session too.
  const other = await (await browser.newContext({ locale: "en-US" })).newPage();
  await logIn(other, email, PASSWORD);

  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const mail = await expectMail(email, /Reset your Portier password/);
  const resetPath = linkIn(mail.body, /\/reset-password\//);
  await page.goto(resetPath);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
  await page.getByLabel("New password, again").fill("a brand new passphrasf");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The two passwords are different. Type the same one twice.")).toBeVisible();
  await page.getByLabel("New password, again").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=done$/);
  await expect(page.getByText(/Your password was changed and every session of your login was signed out/)).toBeVisible();

  // The other browser's session ended.
  await other.goto("/account");
  await expect(other).toHaveURL(/\/login/);
  // The link works once.
  await page.goto(resetPath);
  await expect(page.getByRole("heading", { name: "This link was already used" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Get a new link" })).toBeVisible();

  await logIn(page, email, "a brand new passphrase");
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
});

test("email change: confirmed from the new address, the old one told", async ({ page }) => {
  const stamp = Date.now();
  const email = `mover-${stamp}@example.test`;
  const newEmail = `moved-${stamp}@example.test`;
  await signUp(page, email);
  await page.getByRole("link", { name: "Account settings" }).click();
  await expect(page.getByRole("heading", { name: "Account settings" })).toBeVisible();
  await expect(page.getByText(`You log in with ${email}.`)).toBeVisible();

  await page.getByLabel("New email").fill(newEmail);
  await page.getByLabel("Current password").first().fill("not my password");
  await page.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(page.getByText("The current password is incorrect.")).toBeVisible();
  await page.getByLabel("Current password").first().fill(PASSWORD);
  await page.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(page.getByText(`Confirmation link sent to ${newEmail}`)).toBeVisible();
  await expect(page.getByText(`Waiting for confirmation: open the link sent to ${newEmail}`)).toBeVisible();

  const mail = await expectMail(newEmail, /Confirm your new email/);
  await page.goto(linkIn(mail.body, /\/account\/email\//));
  await expect(page.getByText(`Log in to Portier with ${newEmail} instead of ${email} from now on?`)).toBeVisible();
  await page.getByRole("button", { name: "Confirm new email" }).click();
  await expect(page).toHaveURL(/\/account\/settings$/);
  await expect(page.getByText(`You now log in with ${newEmail}`)).toBeVisible();
  await expect(page.getByText(`You log in with ${newEmail}.`)).toBeVisible();
  const told = await expectMail(email, /The email of your Portier login was changed/);
  expect(told.body.replace(/=\r?\n/g, "")).toContain(newEmail);

  await page.context().clearCookies();
  await logIn(page, newEmail, PASSWORD);
});
