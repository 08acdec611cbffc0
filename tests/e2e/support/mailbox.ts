import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";

export interface CaughtMail {
  to: string[];
  subject: string;
  body: string;
}

export function mailTo(address: string): CaughtMail[] {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((file) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CaughtMail)
    .filter((mail) => mail.to.includes(address.toLowerCase()));
}

/** Waits until a mail to `address` whose subject matches arrives over SMTP. */
export async function expectMail(address: string, subject: RegExp): Promise<CaughtMail> {
  let found: CaughtMail | undefined;
  await expect
    .poll(() => {
      found = mailTo(address).find((mail) => subject.test(mail.subject));
      return Boolean(found);
    }, { timeout: 15_000, message: `mail to ${address} matching ${subject}` })
    .toBe(true);
  return found!;
}
