// npm run db:backup [-- <file>]: a backup of the configured database (see scripts/lib/backup.ts). For the
// embedded database, stop the server first: PGlite's folder belongs to one process at a time.
import { backUp, configuredTarget, defaultBackupPath } from "./lib/backup";
import { runScript } from "./lib/cli";

await runScript(async () => {
  const target = configuredTarget();
  const file = process.argv[2] || defaultBackupPath(target);
  await backUp(target, file);
  console.log(`Backed up ${target.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${target.dataDir}`} to ${file}`);
});
