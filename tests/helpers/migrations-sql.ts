import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The migration files in order: tests run the very SQL that production runs. */
export function migrationSql(): string[] {
  const dir = path.resolve(__dirname, "../../prisma/migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
}
