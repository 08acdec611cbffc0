// One i18n layer for every UI string. Catalogues are split by area (en/*.ts, fr/*.ts) and merged here.
// The English catalogue defines the keys: `t` accepts only those (a missing or misspelt key fails the
// typecheck), and French must have every one of them. A message that depends on a number is a plural:
// `{ one, other }`, chosen by Intl.PluralRules (French says "1 demande", "0 demande", "2 demandes").
import * as en from "./en";
import * as fr from "./fr";
import { decodeMessage, type Params } from "./messages";

export { encodeMessage, decodeMessage, message, type Params } from "./messages";

export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export interface Plural {
  one: string;
  other: string;
}
export type Entry = string | Plural;

const english = { ...en.common, ...en.auth, ...en.partner, ...en.store, ...en.sections };
export type MessageKey = keyof typeof english & string;
type Catalogue = Record<MessageKey, Entry>;
const french: Catalogue = { ...fr.common, ...fr.auth, ...fr.partner, ...fr.store, ...fr.sections };

export const catalogues: Record<Locale, Catalogue> = { en: english, fr: french };

export interface Translate {
  (key: MessageKey, params?: Params): string;
  /** A message as services and schemas hand it over: a key, possibly with its parameters (see messages.ts). */
  message: (encoded: string) => string;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(english, value);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
function pluralOf(locale: Locale, count: number): "one" | "other" {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(intlLocale(locale))));
  return rules.select(count) === "one" ? "one" : "other";
}

const translators = new Map<Locale, Translate>();

export function translator(locale: Locale): Translate {
  const known = translators.get(locale);
  if (known) return known;
  const catalogue = catalogues[locale];
  const t = ((key: MessageKey, params?: Params) => {
    const entry: Entry | undefined = catalogue[key] ?? english[key];
    if (entry === undefined) return key;
    const template = typeof entry === "string" ? entry : entry[pluralOf(locale, Number(params?.count ?? 0))];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  }) as Translate;
  t.message = (encoded) => {
    const { key, params } = decodeMessage(encoded);
    return isMessageKey(key) ? t(key, params) : key;
  };
  translators.set(locale, t);
  return t;
}

/** The best of our languages for an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...rest] = part.trim().split(";");
      const q = rest.find((p) => p.trim().startsWith("q="));
      return { lang: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.find((entry) => isLocale(entry.lang))?.lang as Locale | undefined ?? DEFAULT_LOCALE;
}

// Building an Intl formatter costs far more than using one (a list of 25 dates spent most of its render time
// there), so each combination is built once per process.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, build: () => T): T {
  let found = formatters.get(key) as T | undefined;
  if (!found) formatters.set(key, (found = build()));
  return found;
}
const intlLocale = (locale: Locale) => (locale === "fr" ? "fr-FR" : "en-US");

export function formatDate(locale: Locale, value: Date | string, withTime = false): string {
  const date = typeof value === "string" ? new Date(value) : value;
  const format = formatter(`date|${locale}|${withTime}`, () =>
    new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", ...(withTime ? { timeStyle: "short" } : {}), timeZone: "UTC" }),
  );
  return format.format(date);
}

export function formatMoney(locale: Locale, cents: number, currency = "EUR"): string {
  return formatter(`money|${locale}|${currency}`, () => new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency })).format(cents / 100);
}

/** A size as people read it: "256 kB", "2 MB" ("256 ko", "2 Mo" in French). */
export function formatBytes(locale: Locale, bytes: number): string {
  const [unit, size] = bytes >= 1_000_000 ? (["megabyte", bytes / 1_000_000] as const) : (["kilobyte", bytes / 1000] as const);
  return formatter(`bytes|${locale}|${unit}`, () => new Intl.NumberFormat(intlLocale(locale), { style: "unit", unit, maximumFractionDigits: 1 })).format(size);
}
