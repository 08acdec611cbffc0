import { describe, expect, test } from "vitest";
import { catalogues, localeFromAcceptLanguage, translator, type Entry, type MessageKey } from "~/i18n";
import { encodeMessage } from "~/i18n/messages";

/** Every placeholder of a message, in all its plural forms. */
const placeholders = (entry: Entry | undefined) =>
  [...new Set((typeof entry === "string" ? [entry] : entry ? [entry.one, entry.other] : []).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();
const texts = (entry: Entry) => (typeof entry === "string" ? [entry] : [entry.one, entry.other]);
const keys = Object.keys(catalogues.en) as MessageKey[];

describe("catalogues", () => {
  test("English and French have the same keys", () => {
    const en = Object.keys(catalogues.en).sort();
    const fr = Object.keys(catalogues.fr).sort();
    expect(en.filter((key) => !fr.includes(key)), "missing in French").toEqual([]);
    expect(fr.filter((key) => !en.includes(key)), "missing in English").toEqual([]);
  });

  test("every translation keeps the placeholders of the English text", () => {
    const mismatched = keys.filter((key) => placeholders(catalogues.en[key]).join() !== placeholders(catalogues.fr[key]).join());
    expect(mismatched).toEqual([]);
  });

  test("no message is empty", () => {
    for (const locale of ["en", "fr"] as const) {
      expect(Object.entries(catalogues[locale]).filter(([, entry]) => texts(entry).some((text) => !text.trim())).map(([key]) => key)).toEqual([]);
    }
  });

  test("SPEC.md's vocabulary is used in both languages", () => {
    const en = translator("en");
    const fr = translator("fr");
    expect(en("permission.section.staff")).toBe("Users and permissions");
    expect(fr("permission.section.staff")).toBe("Utilisateurs et autorisations");
    expect(fr("common.logOut")).toBe("Se déconnecter");
    expect(fr("auth.password")).toBe("Mot de passe");
  });
});

describe("translator", () => {
  test("fills placeholders", () => {
    expect(translator("en")("errors.tooLong", { max: 80 })).toBe("Use 80 characters or fewer.");
    expect(translator("fr")("errors.tooLong", { max: 80 })).toBe("Utilisez 80 caractères au maximum.");
  });
});

describe("plurals and encoded messages", () => {
  test("a count chooses the form, with each language's rules (French: 0 and 1 are singular)", () => {
    expect(translator("en")("auth.errors.throttled", { minutes: 1, count: 1 })).toBe("Too many failed attempts. Wait 1 minute before trying again.");
    expect(translator("en")("auth.errors.throttled", { minutes: 0, count: 0 })).toBe("Too many failed attempts. Wait 0 minutes before trying again.");
    expect(translator("fr")("auth.errors.throttled", { minutes: 0, count: 0 })).toBe("Trop de tentatives échouées. Attendez 0 minute avant de réessayer.");
    expect(translator("fr")("auth.errors.throttled", { minutes: 3, count: 3 })).toBe("Trop de tentatives échouées. Attendez 3 minutes avant de réessayer.");
  });

  test("a message handed over with its parameters reads like the direct call; an unknown key shows as itself", () => {
    const t = translator("fr");
    expect(t.message(encodeMessage("errors.tooLong", { max: 80 }))).toBe(t("errors.tooLong", { max: 80 }));
    expect(t.message("errors.required")).toBe(t("errors.required"));
    expect(t.message("no.such.key?x=1")).toBe("no.such.key");
  });
});

describe("language from the browser", () => {
  test.each([
    ["fr-CA,fr;q=0.9,en;q=0.8", "fr"],
    ["en-US,en;q=0.9", "en"],
    ["de-DE,de;q=0.9,fr;q=0.5", "fr"],
    ["de-DE", "en"],
    ["", "en"],
    ["fr;q=0,en;q=0.1", "en"],
  ])("%s → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
