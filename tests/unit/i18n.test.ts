import { describe, expect, test } from "vitest";
import { catalogues, localeFromAcceptLanguage, translator } from "~/i18n";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("catalogues", () => {
  test("English and French have the same keys", () => {
    const en = Object.keys(catalogues.en).sort();
    const fr = Object.keys(catalogues.fr).sort();
    expect(en.filter((key) => !fr.includes(key)), "missing in French").toEqual([]);
    expect(fr.filter((key) => !en.includes(key)), "missing in English").toEqual([]);
  });

  test("every translation keeps the placeholders of the English text", () => {
    const mismatched = Object.keys(catalogues.en).filter((key) => placeholders(catalogues.en[key]).join() !== placeholders(catalogues.fr[key] ?? "").join());
    expect(mismatched).toEqual([]);
  });

  test("no message is empty", () => {
    for (const locale of ["en", "fr"] as const) {
      expect(Object.entries(catalogues[locale]).filter(([, text]) => !text.trim()).map(([key]) => key)).toEqual([]);
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
