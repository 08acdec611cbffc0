// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql from the
// difference between the migration history and prisma/schema.prisma (shadow database: in-memory PGlite).
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { openPGlite } from "../app/lib/db-adapter.server";
import { diffMigrationsToSchema, migrationsDir } from "./lib/migrations";

const name = (process.argv[2] ?? "").trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:migration -- <name>");
  process.exit(1);
}
const database = openPGlite(new PGlite());
const sql = (await diffMigrationsToSchema(database.adapter)).trim();
await database.close();
if (!sql || /^-- This is an empty migration\.?$/.test(sql)) {
  console.log("The schema matches the migrations: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
if (!existsSync(path.join(migrationsDir, "migration_lock.toml"))) {
  writeFileSync(path.join(migrationsDir, "migration_lock.toml"), '# Do not edit: Prisma keeps it.\nprovider = "postgresql"\n');
}
writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
