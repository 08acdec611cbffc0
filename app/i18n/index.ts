// One i18n layer for every UI string (catalogues.ts merges the areas). `t` accepts only the English
// catalogue's keys; a plural entry `{ one, other }` is chosen by Intl.PluralRules (French says
// "1 demande", "0 demande", "2 demandes").
import { catalogues, english, LOCALES, type Entry, type Locale, type MessageKey } from "./catalogues";
import { decodeMessage, type Params } from "./messages";

export { encodeMessage, decodeMessage, message, type Params } from "./messages";
export { catalogues, LOCALES, type Catalogue, type Entry, type Locale, type MessageKey, type Plural } from "./catalogues";

export const DEFAULT_LOCALE: Locale = "en";

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
