// The one rule for cells a spreadsheet could run: every CSV Portier writes goes through neutralise()
// (app/lib/csv.server.ts applies it to each cell), and the customer import undoes exactly that with
// restore(), so an export imports back as it was. Pure: the import page's schema lives beside it.

/** A cell starting like a formula: =, +, -, @, a tab or a carriage return. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A formula-looking cell gets a leading apostrophe (spreadsheets show it as text). A cell that already
 * starts with an apostrophe gets one more, so that restore() can tell ours from the person's own.
 */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) || value.startsWith("'") ? `'${value}` : value;
}

/** The inverse of neutralise(): removes the one apostrophe it added, and nothing else. */
export function restore(value: string): string {
  const rest = value.slice(1);
  return value.startsWith("'") && (FORMULA_START.test(rest) || rest.startsWith("'")) ? rest : value;
}
