// Customers in and out of spreadsheets (seed 004): required columns Firstname, Lastname, E-mail, optional
// ones for the other fields; each row checked with the customer form's own schema, and a report of what
// is wrong on which row. Pure: parsing and formatting only, the service does the writing.
import { z } from "zod";
import { message } from "~/i18n/messages";
import { fieldErrors, type FieldErrors } from "./forms";
import { customerSchema, type CustomerField, type CustomerInput } from "./customers";
import { restore } from "./csv";

export const IMPORT_MAX_ROWS = 5000;
/** The one size limit of an import: the form, the use case and the server's body limit all read it. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

/**
 * The import form: one non-empty file, within the size limit. It runs in the browser too, so a file that
 * is too large is refused before it is sent. The page words the limit in the person's language.
 */
export const importFileSchema = z.object({
  file: z
    .instanceof(File, { message: "sections.customers.import.errors.noFile" })
    .refine((file) => file.size > 0, "sections.customers.import.errors.noFile")
    .refine((file) => file.size <= IMPORT_MAX_BYTES, "sections.customers.import.errors.tooLarge"),
});

export interface CsvColumn {
  field: CustomerField;
  header: string;
  required: boolean;
  /** Other spellings accepted on import (compared without case, spaces, dashes or underscores). */
  aliases: string[];
}

export const CUSTOMER_CSV_COLUMNS: readonly CsvColumn[] = [
  { field: "firstName", header: "Firstname", required: true, aliases: ["first name", "prénom", "prenom"] },
  { field: "lastName", header: "Lastname", required: true, aliases: ["last name", "nom", "nom de famille"] },
  { field: "email", header: "E-mail", required: true, aliases: ["email", "email address", "adresse e-mail", "courriel"] },
  { field: "phone", header: "Phone", required: false, aliases: ["telephone", "téléphone", "phone number"] },
  { field: "company", header: "Company", required: false, aliases: ["company name", "entreprise", "société", "societe"] },
  { field: "city", header: "City", required: false, aliases: ["ville"] },
  { field: "country", header: "Country", required: false, aliases: ["pays"] },
  { field: "note", header: "Note", required: false, aliases: ["notes", "remarque"] },
  { field: "acceptsMarketing", header: "Accepts marketing", required: false, aliases: ["newsletter", "accepts email marketing", "marketing"] },
];

const squash = (header: string) => header.toLowerCase().replace(/[\s_-]+/g, "");

function columnFor(header: string): CsvColumn | undefined {
  const key = squash(header);
  return CUSTOMER_CSV_COLUMNS.find((column) => squash(column.header) === key || column.aliases.some((alias) => squash(alias) === key));
}

/** RFC 4180, plus what spreadsheets produce: a byte-order mark, CRLF or LF, and `;` as the separator (French Excel). */
export function parseCsv(input: string): string[][] {
  const textValue = input.replace(/^\uFEFF/, "");
  const firstLine = textValue.slice(0, textValue.search(/\r?\n|$/));
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < textValue.length) {
    const char = textValue[i];
    if (quoted) {
      if (char === '"') {
        if (textValue[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += char;
      i++;
      continue;
    }
    if (char === '"' && field === "") {
      quoted = true;
      i++;
    } else if (char === separator) {
      row.push(field);
      field = "";
      i++;
    } else if (char === "\r" || char === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += char === "\r" && textValue[i + 1] === "\n" ? 2 : 1;
    } else {
      field += char;
      i++;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface ImportRow {
  /** The row's number as a spreadsheet shows it: the header is row 1. */
  row: number;
  email: string;
  values?: CustomerInput;
  /** What is wrong, by field: messages with their parameters (a repeated email names its first row). */
  errors: FieldErrors;
}

export type CustomerCsv =
  | { ok: false; error: "missingColumns"; missing: string[] }
  | { ok: false; error: "empty" | "tooManyRows" | "notCsv" }
  | { ok: true; fields: CustomerField[]; ignoredColumns: string[]; rows: ImportRow[] };

// Cells our export neutralised (~/domain/csv: a leading apostrophe before =, +, -, @, tab, CR or an
// apostrophe) read back as they were written: restore() removes exactly that one apostrophe.
export function readCustomerCsv(input: string): CustomerCsv {
  if (input.includes("\u0000")) return { ok: false, error: "notCsv" };
  const table = parseCsv(input);
  const headerIndex = table.findIndex((cells) => cells.some((cell) => cell.trim() !== ""));
  if (headerIndex < 0) return { ok: false, error: "empty" };
  const header = table[headerIndex];
  const records = table.slice(headerIndex + 1);
  const columns = header.map((title) => columnFor(title.trim()));
  const missing = CUSTOMER_CSV_COLUMNS.filter((column) => column.required && !columns.includes(column)).map((column) => column.header);
  if (missing.length > 0) return { ok: false, error: "missingColumns", missing };
  const dataRows = records.filter((cells) => cells.some((cell) => cell.trim() !== "")).length;
  if (dataRows === 0) return { ok: false, error: "empty" };
  if (dataRows > IMPORT_MAX_ROWS) return { ok: false, error: "tooManyRows" };
  const ignoredColumns = header.filter((title, index) => !columns[index] && title.trim() !== "").map((title) => title.trim());
  const fields = CUSTOMER_CSV_COLUMNS.filter((column) => columns.includes(column)).map((column) => column.field);
  const seen = new Map<string, number>();
  const rows: ImportRow[] = [];
  records.forEach((cells, index) => {
    if (!cells.some((cell) => cell.trim() !== "")) return;
    const raw: Record<string, string> = {};
    columns.forEach((column, position) => {
      // A column given twice: the first one counts, as with form fields.
      if (column && !(column.field in raw)) raw[column.field] = restore(cells[position] ?? "");
    });
    const rowNumber = headerIndex + index + 2;
    const result = customerSchema.safeParse(raw);
    const email = (raw.email ?? "").trim().toLowerCase();
    if (!result.success) {
      rows.push({ row: rowNumber, email, errors: fieldErrors(result.error) });
      return;
    }
    const first = seen.get(result.data.email);
    if (first !== undefined) {
      rows.push({ row: rowNumber, email, errors: { email: message("sections.customers.import.errors.duplicateInFile", { row: first }) } });
      return;
    }
    seen.set(result.data.email, rowNumber);
    rows.push({ row: rowNumber, email: result.data.email, values: result.data, errors: {} });
  });
  return { ok: true, fields, ignoredColumns, rows };
}

export type ExportedCustomer = Pick<CustomerInput, "firstName" | "lastName" | "email" | "phone" | "company" | "city" | "country" | "note" | "acceptsMarketing">;

/** The export's header: exactly the import's columns, so a backup can be imported back as it is. */
export const CUSTOMER_CSV_HEADER: readonly string[] = CUSTOMER_CSV_COLUMNS.map((column) => column.header);

/** One customer as the export's cells, in the header's order (written by lib/csv.server.ts). */
export function customerCsvRow(customer: ExportedCustomer): (string | boolean)[] {
  return CUSTOMER_CSV_COLUMNS.map((column) => customer[column.field]);
}
