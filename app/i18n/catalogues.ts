// The catalogues, merged from their areas. The English one defines the keys: `MessageKey` is its keys, and
// French must have every one of them (a missing one fails the typecheck).
import * as en from "./en";
import * as fr from "./fr";

export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];

/** A message that depends on a number: the form is chosen by Intl.PluralRules for the language. */
export interface Plural {
  one: string;
  other: string;
}
export type Entry = string | Plural;

export const english = { ...en.common, ...en.auth, ...en.partner, ...en.store, ...en.sections, ...en.expiry, ...en.account, ...en.logs };
export type MessageKey = keyof typeof english & string;
export type Catalogue = Record<MessageKey, Entry>;
const french: Catalogue = { ...fr.common, ...fr.auth, ...fr.partner, ...fr.store, ...fr.sections, ...fr.expiry, ...fr.account, ...fr.logs };

export const catalogues: Record<Locale, Catalogue> = { en: english, fr: french };
