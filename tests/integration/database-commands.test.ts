// The README's database commands, run exactly as a user types them (`npm run db:migrate`, `npm run
// db:seed`) on a new, empty database: PostgreSQL under `npm run test:pg`, the embedded database under
// `npm test`. The schema they leave must be the one the migration files describe, triggers and all.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, test } from "vitest";
import { migrationSql } from "../helpers/migrations-sql";

const ROOT = path.resolve(__dirname, "../..");
const serverUrl = process.env.TEST_DATABASE_URL;
const onPostgres = Boolean(serverUrl);

function npmRun(script: string, env: Record<string, string>, args: string[] = []): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])], { cwd: ROOT, env: { ...process.env, VITEST: "", NODE_ENV: "development", DATABASE_URL: "", ...env } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Everything the migrations define, as text: tables and columns, constraints, indexes, triggers, functions. */
const CATALOG = `
  SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS item
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
  UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'
  UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
  UNION ALL SELECT 'trigger ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
  UNION ALL SELECT 'function ' || proname || ' ' || md5(prosrc) FROM pg_proc WHERE pronamespace = 'public'::regnamespace
  ORDER BY 1`;

/** Every table's rows, hashed in a fixed order: two databases with the same content give the same list. */
const CONTENT = `
  SELECT string_agg(format('SELECT %L AS t, count(*) AS n, md5(coalesce(string_agg(r::text, chr(10) ORDER BY r::text), chr(32))) AS h FROM %I r', table_name, table_name), ' UNION ALL ' ORDER BY table_name) AS q
  FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;

interface Database {
  env: Record<string, string>;
  /** Table name → row count and hash of the rows. */
  content: () => Promise<string[]>;
  catalog: () => Promise<string[]>;
  users: () => Promise<number>;
  migrations: () => Promise<string[]>;
  drop: () => Promise<void>;
}

async function newDatabase(): Promise<Database> {
  if (onPostgres) {
    const name = `portier_cmd_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const query = async (sql: string) => {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return (await client.query(sql)).rows;
      } finally {
        await client.end();
      }
    };
    return {
      env: { DATABASE_URL: url.toString() },
      content: async () => (await query((await query(CONTENT))[0].q as string)).map((row) => `${row.t} ${row.n} ${row.h}`),
      catalog: async () => (await query(CATALOG)).map((row) => row.item as string),
      users: async () => Number((await query(`SELECT count(*) AS n FROM "User"`))[0].n),
      migrations: async () => (await query(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1`)).map((row) => row.migration_name as string),
      drop: async () => {
        const dropper = new pg.Client({ connectionString: serverUrl });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "portier-cmd-")), "pglite");
  const query = async (sql: string) => {
    const database = new PGlite({ dataDir: dir });
    try {
      return (await database.query<Record<string, unknown>>(sql)).rows;
    } finally {
      await database.close();
    }
  };
  return {
    env: { PGLITE_DATA_DIR: dir },
    content: async () => (await query((await query(CONTENT))[0].q as string)).map((row) => `${row.t} ${row.n} ${row.h}`),
    catalog: async () => (await query(CATALOG)).map((row) => row.item as string),
    users: async () => Number((await query(`SELECT count(*) AS n FROM "User"`))[0].n),
    migrations: async () => (await query(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1`)).map((row) => row.migration_name as string),
    drop: async () => rmSync(path.dirname(dir), { recursive: true, force: true }),
  };
}

/** The same catalog, from the migration files applied the way the test suites apply them. */
async function expectedCatalog(): Promise<string[]> {
  if (onPostgres) {
    const reference = await newDatabase();
    try {
      const client = new pg.Client({ connectionString: reference.env.DATABASE_URL });
      await client.connect();
      for (const sql of migrationSql()) await client.query(sql);
      await client.end();
      return await reference.catalog();
    } finally {
      await reference.drop();
    }
  }
  const database = new PGlite();
  for (const sql of migrationSql()) await database.exec(sql);
  const rows = (await database.query<{ item: string }>(CATALOG)).rows.map((row) => row.item);
  await database.close();
  return rows;
}

const migrationNames = () => migrationSql.names();

const made: Database[] = [];
afterAll(async () => {
  for (const database of made) await database.drop();
});

describe(`the README's database commands on a new ${onPostgres ? "PostgreSQL" : "embedded"} database`, () => {
  test("npm run db:migrate applies every migration, triggers included, and a second run changes nothing", async () => {
    const database = await newDatabase();
    made.push(database);
    const first = await npmRun("db:migrate", database.env);
    expect(first.code, first.output).toBe(0);
    expect(first.output).toMatch(/Applied migrations/);
    expect(await database.migrations()).toEqual(migrationNames());
    expect(await database.catalog()).toEqual(await expectedCatalog());
    const again = await npmRun("db:migrate", database.env);
    expect(again.code, again.output).toBe(0);
    expect(again.output).toMatch(/is up to date/);
  }, 180_000);

  test("npm run db:seed on a database nobody migrated migrates it first, then seeds the demo world", async () => {
    const database = await newDatabase();
    made.push(database);
    const seeded = await npmRun("db:seed", database.env);
    expect(seeded.code, seeded.output).toBe(0);
    expect(seeded.output).toMatch(/Seeded the demo world/);
    expect(await database.migrations()).toEqual(migrationNames());
    expect(await database.users()).toBeGreaterThan(5);
  }, 180_000);

  test("npm run db:backup, then npm run db:restore into a new database, gives back every table, row for row", async () => {
    const source = await newDatabase();
    const target = await newDatabase();
    made.push(source, target);
    if (!onPostgres) rmSync(target.env.PGLITE_DATA_DIR, { recursive: true, force: true });
    expect((await npmRun("db:seed", source.env)).code).toBe(0);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "portier-backup-")), `demo${onPostgres ? ".pgdump" : ".pglite.tar.gz"}`);
    const backup = await npmRun("db:backup", source.env, [file]);
    expect(backup.code, backup.output).toBe(0);
    const restored = await npmRun("db:restore", target.env, [file]);
    expect(restored.code, restored.output).toBe(0);
    const tables = await source.content();
    expect(tables.length).toBeGreaterThan(15);
    expect(tables.find((line) => line.startsWith("User "))).not.toMatch(/^User 0 /);
    expect(await target.content()).toEqual(tables);
    // A restore never mixes two worlds: the now full target refuses a second one.
    const again = await npmRun("db:restore", target.env, [file]);
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/not empty/);
    rmSync(path.dirname(file), { recursive: true, force: true });
  }, 240_000);

  test.runIf(onPostgres)("a database that does not exist: one sentence saying what to do, no stack trace", async () => {
    const url = new URL(serverUrl!);
    url.pathname = `/portier_missing_${randomBytes(4).toString("hex")}`;
    const answer = await npmRun("db:migrate", { DATABASE_URL: url.toString() });
    expect(answer.code).toBe(1);
    expect(answer.output).toMatch(/does not exist\nCreate it first \(`createdb portier_missing_/);
    expect(answer.output).not.toMatch(/\n\s+at /);
  });
});
