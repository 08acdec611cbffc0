// npm run db:migrate: applies prisma/migrations to the configured database, recording them in
// _prisma_migrations exactly as `prisma migrate deploy` does.
import { openConfiguredDatabase } from "./lib/database";
import { migrate } from "./lib/migrations";
import { runScript } from "./lib/cli";

await runScript(async () => {
  const database = openConfiguredDatabase();
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
});
