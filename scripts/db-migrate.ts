// npm run db:migrate: applies prisma/migrations to the configured database, recording them in
// _prisma_migrations exactly as `prisma migrate deploy` does.
import { openDatabase } from "../app/lib/db-adapter.server";
import { applyMigrations } from "./lib/migrations";

const target = openDatabase({ url: process.env.DATABASE_URL || undefined, pgliteDataDir: process.env.PGLITE_DATA_DIR ?? ".data/pglite" });
try {
  const applied = await applyMigrations(target.adapter);
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database is up to date.");
} finally {
  await target.close();
}
