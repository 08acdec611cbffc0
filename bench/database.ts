// A fresh database for one benchmark run: a new PGlite data folder by default, or, with DATABASE_URL, a new
// database (portier_bench_<timestamp>) on that PostgreSQL server. Raw SQL for the seed; a Prisma driver
// adapter on the same connection for the EXPLAIN capture.
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openDatabase, openPGlite, type DatabaseTarget } from "../app/lib/db-adapter.server";

export interface BenchDatabase {
  kind: "pglite" | "postgres";
  /** For the app server: PGLITE_DATA_DIR or DATABASE_URL. */
  serverEnv: Record<string, string>;
  describe: string;
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** A Prisma driver adapter on this database (PGlite: the same in-process instance). */
  target(): DatabaseTarget;
  /** Closes every connection this process holds (PGlite must be closed before the server opens it). */
  close(): Promise<void>;
  /** Deletes the database (after the server has stopped). */
  drop(): Promise<void>;
}

export async function createBenchDatabase(stamp: string): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl ? createPostgres(serverUrl, stamp) : createPGlite(stamp);
}

/** Re-opens a database the runner created earlier (after the server has stopped), for the final checks. */
export async function reopenBenchDatabase(database: BenchDatabase): Promise<BenchDatabase> {
  if (database.kind === "pglite") return openPGliteDir(database.serverEnv.PGLITE_DATA_DIR);
  return openPostgres(database.serverEnv.DATABASE_URL, database.describe, database.drop);
}

async function createPGlite(stamp: string): Promise<BenchDatabase> {
  const dataDir = path.join(process.env.BENCH_DATA_DIR ?? os.tmpdir(), `portier-bench-${stamp}`);
  mkdirSync(dataDir, { recursive: true });
  return openPGliteDir(dataDir);
}

async function openPGliteDir(dataDir: string): Promise<BenchDatabase> {
  const pglite = await PGlite.create({ dataDir });
  let target: DatabaseTarget | undefined;
  let closed = false;
  return {
    kind: "pglite",
    serverEnv: { PGLITE_DATA_DIR: dataDir },
    describe: `PGlite (${dataDir})`,
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <T,>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
    target: () => (target ??= openPGlite(pglite)),
    close: async () => {
      if (closed) return;
      closed = true;
      await pglite.close();
    },
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function createPostgres(serverUrl: string, stamp: string): Promise<BenchDatabase> {
  const name = `portier_bench_${stamp.replace(/[^0-9a-z]/gi, "").toLowerCase()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const dropper = new pg.Client({ connectionString: serverUrl });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  };
  return openPostgres(url.toString(), `PostgreSQL (database ${name} on ${url.host})`, drop);
}

async function openPostgres(url: string, describe: string, drop: () => Promise<void>): Promise<BenchDatabase> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let target: DatabaseTarget | undefined;
  let closed = false;
  return {
    kind: "postgres",
    serverEnv: { DATABASE_URL: url },
    describe,
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async <T,>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    target: () => (target ??= openDatabase({ url, pgliteDataDir: "", poolSize: 4 })),
    close: async () => {
      if (closed) return;
      closed = true;
      await client.end();
    },
    drop,
  };
}
