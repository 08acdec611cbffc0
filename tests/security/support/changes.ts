// Every row a request writes, and the way back. The suites that need to know exactly what a request did
// (the matrix's effects, the fuzz's comparisons) install, in their own test database only, a trigger on
// every table of the app that copies each INSERT, UPDATE and DELETE (old and new row, as JSON) into
// "_security_audit". `mark()` notes where the log stands, `changesSince(mark)` says what was written
// since, and `undo(mark)` puts every row back as it was at the mark (triggers and foreign keys off, as a
// replica does, so the append-only log and the counters are restored as they were, not recomputed).
// The app never sees any of this: its tables, constraints and triggers are those of the migrations.
import type { PrismaClient } from "~/generated/prisma/client";
import { TABLES } from "./fingerprint";

export type Op = "INSERT" | "UPDATE" | "DELETE";

export interface Change {
  table: string;
  op: Op;
  /** INSERT: the new row; UPDATE: the new values of the columns that changed, with the row's id; DELETE: the row that went. */
  row: Record<string, unknown>;
  /** UPDATE: the old values of the columns that changed. */
  before?: Record<string, unknown>;
}

/** Columns touched on reads on purpose ("last seen"): an update of these alone is no change. */
export const VOLATILE_COLUMNS: Record<string, string[]> = {
  StaffAccount: ["lastActiveAt"],
  CollaboratorAccess: ["lastUsedAt"],
};

export async function installChangeLog(db: PrismaClient): Promise<void> {
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "_security_audit" ("seq" bigserial PRIMARY KEY, "tbl" text NOT NULL, "op" text NOT NULL, "old" jsonb, "new" jsonb)`);
  await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION "_security_audit_row"() RETURNS trigger AS $$
    BEGIN
      INSERT INTO "_security_audit" ("tbl", "op", "old", "new") VALUES (
        TG_TABLE_NAME, TG_OP,
        CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,
        CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END);
      RETURN NULL;
    END $$ LANGUAGE plpgsql`);
  // Undo, newest first, in one statement: an insert is deleted, an update or a delete puts the old row back.
  await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION "_security_undo"(since bigint) RETURNS integer AS $$
    DECLARE
      entry record;
      undone integer := 0;
    BEGIN
      PERFORM set_config('session_replication_role', 'replica', true);
      FOR entry IN SELECT * FROM "_security_audit" WHERE "seq" > since ORDER BY "seq" DESC LOOP
        IF entry."op" IN ('INSERT', 'UPDATE') THEN
          EXECUTE format('DELETE FROM %I WHERE "id" = (jsonb_populate_record(NULL::%I, $1))."id"', entry."tbl", entry."tbl") USING entry."new";
        END IF;
        IF entry."op" IN ('UPDATE', 'DELETE') THEN
          EXECUTE format('INSERT INTO %I SELECT * FROM jsonb_populate_record(NULL::%I, $1)', entry."tbl", entry."tbl") USING entry."old";
        END IF;
        undone := undone + 1;
      END LOOP;
      DELETE FROM "_security_audit" WHERE "seq" > since;
      PERFORM set_config('session_replication_role', 'origin', true);
      RETURN undone;
    END $$ LANGUAGE plpgsql`);
  for (const table of TABLES) {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "_security_audit" ON "${table}"`);
    await db.$executeRawUnsafe(`CREATE TRIGGER "_security_audit" AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "_security_audit_row"()`);
  }
}

/** Where the change log stands now. */
export async function mark(db: PrismaClient): Promise<bigint> {
  const [row] = await db.$queryRawUnsafe<{ seq: bigint | null }[]>(`SELECT max("seq") AS "seq" FROM "_security_audit"`);
  return BigInt(row?.seq ?? 0);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What was written since the mark, oldest first; updates of "last seen" columns alone are left out. */
export async function changesSince(db: PrismaClient, since: bigint): Promise<Change[]> {
  const rows = await db.$queryRawUnsafe<{ tbl: string; op: Op; old: Record<string, unknown> | null; new: Record<string, unknown> | null }[]>(
    `SELECT "tbl", "op", "old", "new" FROM "_security_audit" WHERE "seq" > $1 ORDER BY "seq"`,
    since,
  );
  const changes: Change[] = [];
  for (const entry of rows) {
    if (entry.op === "INSERT") changes.push({ table: entry.tbl, op: "INSERT", row: entry.new! });
    else if (entry.op === "DELETE") changes.push({ table: entry.tbl, op: "DELETE", row: entry.old! });
    else {
      const volatile = VOLATILE_COLUMNS[entry.tbl] ?? [];
      const columns = Object.keys(entry.new!).filter((c) => !volatile.includes(c) && !same(entry.old![c], entry.new![c]));
      if (columns.length === 0) continue;
      changes.push({
        table: entry.tbl,
        op: "UPDATE",
        row: { id: entry.new!.id, ...Object.fromEntries(columns.map((c) => [c, entry.new![c]])) },
        before: Object.fromEntries(columns.map((c) => [c, entry.old![c]])),
      });
    }
  }
  return changes;
}

/** Puts every row back as it was at the mark. */
export async function undo(db: PrismaClient, since: bigint): Promise<void> {
  await db.$queryRawUnsafe(`SELECT "_security_undo"($1)`, since);
}

/** The tables the changes touched, sorted. */
export const tablesOf = (changes: Change[]) => [...new Set(changes.map((c) => c.table))].sort();

// ------------------------------------------------------------------------------------------------
// Comparing what two runs of a submission wrote

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Random tokens and hashes: long runs of letters, digits, - and _. */
const TOKEN = /[A-Za-z0-9_-]{20,}/g;
/** A timestamp written into text (an order note's header). */
const TIMES = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?/g;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;
/** Values that differ by nature from one run to the next: new rows' serial ids, the store's new random code. */
const BY_NATURE: Record<string, string[]> = { ActivityLog: ["id"], LoginAttempt: ["id"], CodeAttempt: ["id"], Store: ["collaboratorCode"] };

function words(value: unknown, into: Set<string>) {
  const text = JSON.stringify(value) ?? "";
  for (const m of text.matchAll(UUID)) into.add(m[0].toLowerCase());
  for (const m of text.matchAll(TOKEN)) into.add(m[0]);
}

function normalizeValue(value: unknown, fresh: Set<string>): unknown {
  if (typeof value === "string") {
    if (TIME.test(value)) return "<time>";
    return value
      .replace(TIMES, "<time>").replace(UUID, (m) => (fresh.has(m.toLowerCase()) ? "<fresh id>" : m)).replace(TOKEN, (m) => (fresh.has(m) ? "<fresh token>" : m));
  }
  if (Array.isArray(value)) return value.map((v) => normalizeValue(v, fresh));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeValue(v, fresh)]));
  return value;
}

/** A password hash is salted: two hashes of one password differ (anything else in that column is compared as it is). */
const SCRYPT = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/;

function normalize(changes: Change[], fresh: Set<string>): string[] {
  return changes
    .map((change) => {
      const byNature = BY_NATURE[change.table] ?? [];
      const row = Object.fromEntries(
        Object.entries(change.row).map(([k, v]) => [k, byNature.includes(k) ? "<by nature>" : k === "passwordHash" && typeof v === "string" && SCRYPT.test(v) ? "<a scrypt hash>" : normalizeValue(v, fresh)]),
      );
      return `${change.table} ${change.op} ${JSON.stringify(row, Object.keys(row).sort())}`;
    })
    .sort();
}

/**
 * The differences between what two runs wrote, once what differs by nature is set aside: timestamps,
 * serial ids, and ids and tokens that only one of the runs has (new rows' ids, new sessions, hashes,
 * links in mails). Ids both runs share (the store, the people, the target) and every value in `keep`
 * (the ids a form tried to smuggle in) are compared as they are. Empty when both wrote the same.
 */
export function differences(a: Change[], b: Change[], keep: Iterable<string> = []): string[] {
  const inA = new Set<string>();
  const inB = new Set<string>();
  for (const c of a) words(c.row, inA);
  for (const c of b) words(c.row, inB);
  const kept = new Set<string>();
  for (const k of keep) words(k, kept);
  const freshA = new Set([...inA].filter((w) => !inB.has(w) && !kept.has(w)));
  const freshB = new Set([...inB].filter((w) => !inA.has(w) && !kept.has(w)));
  const left = normalize(a, freshA);
  const right = normalize(b, freshB);
  const out: string[] = [];
  const rest = [...right];
  for (const line of left) {
    const at = rest.indexOf(line);
    if (at >= 0) rest.splice(at, 1);
    else out.push(`only with the hostile fields: ${line}`);
  }
  for (const line of rest) out.push(`only without them: ${line}`);
  return out;
}
