// Turns a mail (its kind and parameters) into the subject and text of one language.
import { formatDate, translator, type Locale } from "~/i18n";
import { SECTIONS, toMap, type Permission } from "~/domain/permissions";
import { permissionDifferences } from "~/domain/granted";
import type { Level } from "~/domain/permissions";
import type { Mail, MailHelpers, MailKind, Templates } from "./kinds";
import { en } from "./en";
import { fr } from "./fr";

export type { AnyMail, Mail, MailKind, MailParams } from "./kinds";

const TEMPLATES: Record<Locale, Templates> = { en, fr };

function helpers(locale: Locale, origin: string): MailHelpers {
  const t = translator(locale);
  const entries = (permissions: readonly Permission[]) => {
    const map = toMap(permissions);
    return SECTIONS.filter((section) => map[section]).map((section) => ({ section: t(`permission.section.${section}`), level: t(map[section] === "manage" ? "permission.level.manage" : "permission.level.view") }));
  };
  return {
    link: (path) => new URL(path, origin).toString(),
    permissionLines: (permissions) => entries(permissions).map((entry) => `- ${entry.section}: ${entry.level}`).join("\n"),
    permissionList: (permissions) => entries(permissions).map((entry) => t("permission.summary", entry)).join(", "),
    date: (iso) => formatDate(locale, iso),
    grantedAgainstAsked: (requested, granted) =>
      permissionDifferences(requested, granted)
        .map((d) => `- ${t(`permission.section.${d.section}`)}: ${t("expiry.granted.asked", { level: levelWord(t, d.asked) })}, ${t("expiry.granted.granted", { level: levelWord(t, d.granted) })}`)
        .join("\n"),
  };
}

function levelWord(t: ReturnType<typeof translator>, level: Level | null): string {
  return t(level === "manage" ? "permission.level.manage" : level === "view" ? "permission.level.view" : "expiry.granted.none");
}

export function renderMail<K extends MailKind>(mail: Mail<K>, locale: Locale, origin: string): { subject: string; text: string } {
  const template = TEMPLATES[locale][mail.kind];
  return { subject: template.subject(mail.params), text: template.text(mail.params, helpers(locale, origin)) };
}
