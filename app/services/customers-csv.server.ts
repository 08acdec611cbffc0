// Importing and exporting customers as CSV (seed 004), both customers:manage.
// Import: rows with errors are reported and skipped; every other row is written in one transaction.
// A row whose email already belongs to a customer of this store updates that customer (seed 004 uses
// imports for bulk edits), in the columns the file has; an empty cell in a present column clears it.
import { randomUUID } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { inTransaction } from "~/lib/transaction.server";
import { readCustomerCsv, customerCsvRow, CUSTOMER_CSV_HEADER, IMPORT_MAX_BYTES, type ExportedCustomer, type ImportRow } from "~/domain/customers-csv";
import type { CsvRow } from "~/lib/csv.server";
import type { CustomerField } from "~/domain/customers";
import { ok, refuse, type Result } from "~/domain/result";
import { logActivity } from "./activity.server";
import { actingFor, assertCan, type SectionActor } from "./section-actor.server";

export interface ImportReport {
  fileName: string;
  created: number;
  updated: number;
  failed: number;
  ignoredColumns: string[];
  /** Rows with errors, in file order. */
  rows: Pick<ImportRow, "row" | "email" | "errors">[];
}

const CHUNK = 500;
const COLUMNS = ["firstName", "lastName", "email", "phone", "company", "city", "country", "note", "acceptsMarketing"] as const satisfies readonly CustomerField[];

/** The report is the answer: the page shows it (what was written, and each row left out with the reason). */
export async function importCustomers(actor: SectionActor, file: { name: string; content: string; size: number }): Promise<Result<ImportReport>> {
  assertCan(actor, "customers", "manage");
  if (file.size > IMPORT_MAX_BYTES) return refuse.invalid("file", "sections.customers.import.errors.tooLarge");
  const parsed = readCustomerCsv(file.content);
  if (!parsed.ok) {
    if (parsed.error === "missingColumns") return refuse.invalid("file", "sections.customers.import.errors.missingColumns", { columns: parsed.missing.join(", ") });
    return refuse.invalid("file", `sections.customers.import.errors.${parsed.error}`);
  }
  const valid = parsed.rows.filter((row) => row.values).sort((a, b) => (a.values!.email < b.values!.email ? -1 : 1));
  const failedRows = parsed.rows.filter((row) => !row.values).map(({ row, email, errors }) => ({ row, email, errors }));
  const fileName = file.name.replace(/[^\p{L}\p{N} ._()-]/gu, "_").slice(0, 120) || "customers.csv";
  // Only the columns the file has are written over an existing customer's values.
  const updatable = parsed.fields.filter((field) => field !== "email");
  const setClause = Prisma.raw(updatable.map((field) => `"${field}" = EXCLUDED."${field}"`).join(", "));

  return inTransaction(async (tx): Promise<Result<ImportReport>> => {
    let created = 0;
    let updated = 0;
    // Sorted by email, so two imports touching the same customers lock them in the same order.
    for (let start = 0; start < valid.length; start += CHUNK) {
      const chunk = valid.slice(start, start + CHUNK);
      const values = Prisma.join(
        chunk.map(({ values: v }) => Prisma.sql`(${randomUUID()}::uuid, ${actor.storeId}::uuid, ${Prisma.join(COLUMNS.map((column) => v![column]))})`),
      );
      const written = await tx.$queryRaw<{ inserted: boolean }[]>`
        INSERT INTO "Customer" ("id", "storeId", ${Prisma.raw(COLUMNS.map((column) => `"${column}"`).join(", "))})
        VALUES ${values}
        ON CONFLICT ("storeId", "email") DO UPDATE SET ${setClause}
        RETURNING (xmax = 0) AS "inserted"`;
      for (const row of written) {
        if (row.inserted) created++;
        else updated++;
      }
    }
    await logActivity(tx, actor.log, {
      action: "customer.imported",
      storeId: actor.storeId,
      subject: fileName,
      details: { created, updated, failed: failedRows.length, ...actingFor(actor) },
    });
    return ok({ fileName, created, updated, failed: failedRows.length, ignoredColumns: parsed.ignoredColumns, rows: failedRows });
  });
}

const EXPORT_BATCH = 1000;

/**
 * All the store's customers as CSV rows, in the import's columns (so a backup can be imported back as it
 * is). The export is logged first, with the number of customers it holds; the rows are then read in
 * keyset batches on the (storeId, createdAt, id) index as the download takes them (lib/csv.server.ts).
 */
export async function exportCustomers(actor: SectionActor, now = new Date()): Promise<{ fileName: string; header: readonly string[]; rows: AsyncIterable<CsvRow>; count: number }> {
  assertCan(actor, "customers", "manage");
  const fileName = `customers-${now.toISOString().slice(0, 10)}.csv`;
  const count = await inTransaction(async (tx) => {
    const total = await tx.customer.count({ where: { storeId: actor.storeId } });
    await logActivity(tx, actor.log, { action: "customer.exported", storeId: actor.storeId, subject: fileName, details: { count: total, ...actingFor(actor) } });
    return total;
  });
  const storeId = actor.storeId;
  async function* rows(): AsyncGenerator<CsvRow> {
    let cursor: { createdAt: Date; id: string } | null = null;
    for (;;) {
      const batch: ({ id: string; createdAt: Date } & ExportedCustomer)[] = await db().customer.findMany({
        where: {
          storeId,
          ...(cursor ? { createdAt: { lte: cursor.createdAt }, OR: [{ createdAt: { lt: cursor.createdAt } }, { id: { gt: cursor.id } }] } : {}),
        },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        take: EXPORT_BATCH,
        select: { id: true, createdAt: true, firstName: true, lastName: true, email: true, phone: true, company: true, city: true, country: true, note: true, acceptsMarketing: true },
      });
      for (const customer of batch) yield customerCsvRow(customer);
      if (batch.length < EXPORT_BATCH) return;
      cursor = batch[batch.length - 1];
    }
  }
  return { fileName, header: CUSTOMER_CSV_HEADER, rows: rows(), count };
}
