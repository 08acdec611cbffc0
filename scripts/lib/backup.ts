// Backups of the configured database, in each database's own format: the embedded database's data folder
// as PGlite dumps it (a .tar.gz PGlite loads back), PostgreSQL's pg_dump custom format for pg_restore.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

const run = promisify(execFile);

export type Target = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export function configuredTarget(): Target {
  const url = process.env.DATABASE_URL;
  return url ? { kind: "postgres", url } : { kind: "pglite", dataDir: process.env.PGLITE_DATA_DIR ?? ".data/pglite" };
}

export const EXTENSION = { postgres: ".pgdump", pglite: ".pglite.tar.gz" } as const;

export function defaultBackupPath(target: Target): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "").replace("T", "-");
  return path.join("backups", `portier-${stamp}${EXTENSION[target.kind]}`);
}

export async function backUp(target: Target, file: string): Promise<void> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (target.kind === "postgres") {
    await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${target.url}`]);
    return;
  }
  if (!existsSync(path.join(target.dataDir, "PG_VERSION"))) throw new Error(`There is no embedded database in ${target.dataDir}.`);
  // PGlite is one process's: a server running on this folder would have it open.
  const database = new PGlite({ dataDir: target.dataDir });
  try {
    await database.waitReady;
    const dump = await database.dumpDataDir("gzip");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
}

/** Restores only into an empty database: a restore never mixes two worlds. */
export async function restore(target: Target, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`No backup file at ${file}.`);
  if (target.kind === "postgres") {
    if (!file.endsWith(EXTENSION.postgres)) throw new Error(`${file} is not a PostgreSQL backup (${EXTENSION.postgres}).`);
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      const tables = await client.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
      if (tables.rows[0].n > 0) throw new Error("The database at DATABASE_URL is not empty. Restore into a new database (createdb …) and point DATABASE_URL at it.");
    } finally {
      await client.end();
    }
    await run("pg_restore", ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${target.url}`, file]);
    return;
  }
  if (!file.endsWith(EXTENSION.pglite)) throw new Error(`${file} is not an embedded-database backup (${EXTENSION.pglite}).`);
  if (existsSync(target.dataDir) && readdirSync(target.dataDir).length > 0) {
    throw new Error(`${target.dataDir} is not empty. Move it away (or set PGLITE_DATA_DIR to a new folder), then restore.`);
  }
  mkdirSync(target.dataDir, { recursive: true });
  const database = new PGlite({ dataDir: target.dataDir, loadDataDir: new Blob([readFileSync(file)]) });
  try {
    await database.query("SELECT 1");
  } finally {
    await database.close();
  }
}
