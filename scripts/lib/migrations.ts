// Migrations through Prisma's schema engine compiled to WebAssembly: the native engine cannot be
// downloaded here, and the wasm build speaks to the same driver adapters as the app.
// Needs `node --experimental-wasm-modules` (the engine's entry imports a .wasm file).
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import type { AdapterFactory } from "../../app/lib/db-adapter.server";

export const migrationsDir = path.resolve("prisma/migrations");
export const schemaPath = path.resolve("prisma/schema.prisma");

export function migrationsList() {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const lockContent = existsSync(lockPath) ? readFileSync(lockPath, "utf8") : 'provider = "postgresql"\n';
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((dir) => ({
      path: dir,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(migrationsDir, dir, "migration.sql"), "utf8") },
      },
    })),
  };
}

const filters = { externalTables: [], externalEnums: [] };

async function engineFor(adapter: AdapterFactory) {
  const { SchemaEngine } = await import("@prisma/schema-engine-wasm");
  const datamodel = readFileSync(schemaPath, "utf8");
  const log = (message: string) => {
    if (process.env.DEBUG_MIGRATIONS) console.error(message);
  };
  return SchemaEngine.new(
    { datamodels: [[schemaPath, datamodel]] },
    log,
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
}

/**
 * Applies what is pending and says so: the one path of db:migrate, db:seed, db:reset, dev and start.
 * Instances started together (`npm start` on every one) queue on an advisory lock of their own: the
 * schema engine's lock gives up after a few seconds, ours waits for the first instance to finish, after
 * which the others find the database up to date.
 */
export async function migrate(database: { target: { adapter: AdapterFactory; kind: "pglite" | "postgres" }; describe: () => string }): Promise<void> {
  const url = process.env.DATABASE_URL;
  const lock = database.target.kind === "postgres" && url ? new pg.Client({ connectionString: url }) : undefined;
  if (lock) {
    await lock.connect();
    await lock.query("SELECT pg_advisory_lock(hashtext('portier.migrate'))");
  }
  try {
    const applied = await applyMigrations(database.target.adapter);
    console.log(applied.length ? `Applied migrations to ${database.describe()}: ${applied.join(", ")}` : `${database.describe()} is up to date.`);
  } finally {
    await lock?.end();
  }
}

export async function applyMigrations(adapter: AdapterFactory): Promise<string[]> {
  const engine = await engineFor(adapter);
  try {
    const result = await engine.applyMigrations({ migrationsList: migrationsList(), filters } as never);
    return (result as { appliedMigrationNames: string[] }).appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/** SQL that brings the migration history up to the schema (what `prisma migrate diff` prints). */
export async function diffMigrationsToSchema(adapter: AdapterFactory): Promise<string> {
  const engine = await engineFor(adapter);
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationsList() },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }] },
      script: true,
      exitCode: null,
      filters,
    } as never);
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}
