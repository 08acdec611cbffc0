// One i18n layer for every UI string. Catalogues are split by area (en/*.ts, fr/*.ts) and merged here;
// tests/unit/i18n.test.ts fails when a key or a {placeholder} is missing in either language.
import * as en from "./en";
import * as fr from "./fr";

export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

type Catalogue = Record<string, string>;

function merge(parts: Record<string, Catalogue>): Catalogue {
  return Object.assign({}, ...Object.values(parts));
}

export const catalogues: Record<Locale, Catalogue> = { en: merge(en), fr: merge(fr) };

export type MessageKey = keyof typeof catalogues.en & string;
export type Params = Record<string, string | number>;
export type Translate = (key: string, params?: Params) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function translator(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  return (key, params) => {
    const template = catalogue[key] ?? catalogues.en[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
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
