import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = path.resolve(__dirname, "../../prisma/migrations");

/** The migration folders' names, in the order they apply. */
function names(): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The migration files in order: tests run the very SQL that production runs. */
export function migrationSql(): string[] {
  return names().map((name) => readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
}
migrationSql.names = names;
