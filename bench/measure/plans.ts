// How the hot queries' plans are captured: the SQL is not written by hand. Pieces of the app's own code
// run against the bench database through a recording driver adapter, and each SELECT they sent is
// explained with its real parameters, so the plans shown are the plans of the queries the pages run.
// Which pieces: measure/explain.ts.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "../../app/generated/prisma/client";
import { setDatabase, disconnectDatabase } from "../../app/lib/db.server";
import type { DatabaseTarget } from "../../app/lib/db-adapter.server";
import type { BenchDatabase } from "../database";

export interface Statement {
  sql: string;
  args: unknown[];
}

export interface ExplainedStatement {
  sql: string;
  args: unknown[];
  plan: string;
  /** "Execution Time" reported by EXPLAIN ANALYZE, in ms. */
  executionMs: number | null;
  /** Indexes the plan uses. */
  indexes: string[];
  /** Plan nodes that read a whole table. */
  seqScans: string[];
}

export interface ExplainedQuery {
  name: string;
  statements: ExplainedStatement[];
  /** Statements sent, BEGIN and COMMIT included. */
  sent: number;
  error?: string;
}

/** A factory whose connections record every statement, in order. */
function recording(factory: SqlDriverAdapterFactory, sink: Statement[]): SqlDriverAdapterFactory {
  const record = (query: SqlQuery) => sink.push({ sql: query.sql, args: query.args });
  const queryable = <T extends SqlDriverAdapter | Transaction>(inner: T): T =>
    new Proxy(inner, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        if (typeof value !== "function") return value;
        if (property === "queryRaw" || property === "executeRaw") {
          return (query: SqlQuery) => {
            record(query);
            return value.call(target, query);
          };
        }
        if (property === "startTransaction") {
          return async (...args: unknown[]) => {
            sink.push({ sql: "BEGIN", args: [] });
            return queryable(await value.apply(target, args));
          };
        }
        return value.bind(target);
      },
    });
  return new Proxy(factory, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property === "connect") return async () => queryable(await value.call(target));
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const isSelect = (sql: string) => /^\s*\(?\s*(SELECT|WITH)\b/i.test(sql);

function parsePlan(lines: string[]) {
  const indexes = new Set<string>();
  const seqScans = new Set<string>();
  let executionMs: number | null = null;
  for (const line of lines) {
    const index = /(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) "?([\w]+)"?/.exec(line);
    if (index) indexes.add(index[1]);
    const seq = /Seq Scan on "?([\w]+)"?/.exec(line);
    if (seq) seqScans.add(seq[1]);
    const time = /Execution Time: ([\d.]+) ms/.exec(line);
    if (time) executionMs = Number(time[1]);
  }
  return { indexes: [...indexes], seqScans: [...seqScans], executionMs };
}

/**
 * Runs each named piece of app code against the bench database and explains the SELECTs it sent.
 * Returns one entry per piece, in order.
 */
export async function explainHotQueries(
  database: BenchDatabase,
  pieces: ({ name: string; run: () => Promise<unknown> } | { name: string; sql: string; args: unknown[] })[],
): Promise<ExplainedQuery[]> {
  const target: DatabaseTarget = database.target();
  const sink: Statement[] = [];
  const client = new PrismaClient({ adapter: recording(target.adapter as SqlDriverAdapterFactory, sink) as never });
  // The services call db(); point it at the recording client (setDatabase is the tests' hook for the same).
  setDatabase(client, { ...target, close: async () => {} });
  const results: ExplainedQuery[] = [];
  try {
    for (const piece of pieces) {
      sink.length = 0;
      let error: string | undefined;
      try {
        if ("sql" in piece) sink.push({ sql: piece.sql, args: piece.args });
        else await piece.run();
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught);
      }
      const sent = sink.length + sink.filter((s) => s.sql === "BEGIN").length; // + COMMIT per BEGIN
      const seen = new Set<string>();
      const statements: ExplainedStatement[] = [];
      for (const statement of sink.filter((s) => isSelect(s.sql))) {
        if (seen.has(statement.sql)) continue;
        seen.add(statement.sql);
        try {
          const rows = await database.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.args);
          const lines = rows.map((row) => Object.values(row)[0]);
          statements.push({ sql: statement.sql, args: statement.args, plan: lines.join("\n"), ...parsePlan(lines) });
        } catch (caught) {
          statements.push({
            sql: statement.sql,
            args: statement.args,
            plan: `EXPLAIN failed: ${caught instanceof Error ? caught.message : String(caught)}`,
            executionMs: null,
            indexes: [],
            seqScans: [],
          });
        }
      }
      results.push({ name: piece.name, statements, sent, error });
    }
  } finally {
    await disconnectDatabase();
  }
  return results;
}
