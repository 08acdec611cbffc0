// npm run db:restore -- <file>: restores a backup made by db:backup into the configured database, which
// must be empty (a new PostgreSQL database, or a PGLITE_DATA_DIR that does not exist yet).
import { configuredTarget, restore } from "./lib/backup";
import { runScript } from "./lib/cli";

await runScript(async () => {
  const file = process.argv[2];
  if (!file) throw new Error("Usage: npm run db:restore -- <backup file>");
  const target = configuredTarget();
  await restore(target, file);
  console.log(`Restored ${file} into ${target.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${target.dataDir}`}. Start the app as usual: it applies any newer migrations.`);
});
