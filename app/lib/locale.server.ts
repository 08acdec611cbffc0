import { isLocale, localeFromAcceptLanguage, type Locale } from "~/i18n";
import { readCookie, serializeCookie } from "./cookies.server";

export const LOCALE_COOKIE = "portier_lang";

/** The person's choice first (saved on their login, or in a cookie before sign-in), else the browser's. */
export function localeFor(request: Request, saved: Locale | null | undefined): Locale {
  if (saved) return saved;
  const cookie = readCookie(request, LOCALE_COOKIE);
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(request.headers.get("accept-language"));
}

export function localeCookie(locale: Locale): string {
  return serializeCookie(LOCALE_COOKIE, locale, { maxAgeSeconds: 365 * 86_400, httpOnly: false });
}
