import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client";
import { openDatabase, openPGlite, type DatabaseTarget } from "~/lib/db-adapter.server";
import { setDatabase, disconnectDatabase } from "~/lib/db.server";
import { migrationSql } from "./migrations-sql";

export interface TestDatabase {
  db: PrismaClient;
  kind: "pglite" | "postgres";
  /** A second, independent client on the same database (for true concurrency on PostgreSQL). */
  url?: string;
  close: () => Promise<void>;
}

/**
 * A fresh database for one test file: in-memory PGlite by default; with TEST_DATABASE_URL set, a new
 * database on that PostgreSQL server, dropped afterwards. The migrations' SQL is applied in order.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const pglite = new PGlite();
    for (const sql of migrationSql()) await pglite.exec(sql);
    const target = openPGlite(pglite);
    return finish(target, "pglite");
  }
  const name = `portier_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const setup = new pg.Client({ connectionString: url.toString() });
  await setup.connect();
  for (const sql of migrationSql()) await setup.query(sql);
  await setup.end();
  const target = openDatabase({ url: url.toString(), pgliteDataDir: "", poolSize: 60 });
  const database = await finish(target, "postgres", url.toString());
  const close = database.close;
  database.close = async () => {
    await close();
    const dropper = new pg.Client({ connectionString: serverUrl });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  };
  return database;
}

/**
 * An existing PostgreSQL database that app servers started elsewhere already use (CI's production
 * instances, started with `npm start`): the tests read and write it, and leave it in place.
 */
export async function connectTestDatabase(url: string): Promise<TestDatabase> {
  return finish(openDatabase({ url, pgliteDataDir: "", poolSize: 30 }), "postgres", url);
}

async function finish(target: DatabaseTarget, kind: "pglite" | "postgres", url?: string): Promise<TestDatabase> {
  const db = new PrismaClient({ adapter: target.adapter });
  setDatabase(db, target);
  return { db, kind, url, close: () => disconnectDatabase() };
}
