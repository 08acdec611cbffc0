import { PrismaClient } from "~/generated/prisma/client";
import { openDatabase, type DatabaseTarget } from "./db-adapter.server";
import { env } from "./env.server";
import { countQueries } from "./query-count.server";

export type Database = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

interface Holder {
  client?: PrismaClient;
  target?: DatabaseTarget;
}

// One client per process; kept on globalThis so Vite's dev reloads do not open PGlite twice.
const holder: Holder = ((globalThis as Record<string, unknown>).__portierDb ??= {}) as Holder;

export function db(): PrismaClient {
  if (!holder.client) {
    const { DATABASE_URL, PGLITE_DATA_DIR } = env();
    holder.target = openDatabase({ url: DATABASE_URL, pgliteDataDir: PGLITE_DATA_DIR });
    // Benchmark diagnostics: with PORTIER_COUNT_QUERIES=1 the adapter counts SQL statements per request
    // (X-Query-Count header, see query-count.server.ts); otherwise countQueries returns it unchanged.
    holder.client = new PrismaClient({ adapter: countQueries(holder.target.adapter) });
  }
  return holder.client;
}

/** Tests point the app at their own fresh database. */
export function setDatabase(client: PrismaClient, target?: DatabaseTarget) {
  holder.client = client;
  holder.target = target;
}

export async function disconnectDatabase() {
  await holder.client?.$disconnect();
  await holder.target?.close();
  holder.client = undefined;
  holder.target = undefined;
}

export function databaseKind(): "pglite" | "postgres" {
  return holder.target?.kind ?? (env().DATABASE_URL ? "postgres" : "pglite");
}
