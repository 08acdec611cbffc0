// npm run db:reset: empties the development database, migrates it and seeds the demo world again.
import { rmSync } from "node:fs";
import pg from "pg";
import { openConfiguredDatabase } from "./lib/database";
import { migrate } from "./lib/migrations";
import { runScript } from "./lib/cli";
import { seedDemoWorld, printDemoLogins } from "../prisma/seed";

if (process.env.NODE_ENV === "production") {
  console.error("Refusing to reset a database with NODE_ENV=production.");
  process.exit(1);
}
await runScript(async () => {
  if (process.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    } finally {
      await client.end();
    }
  } else {
    rmSync(process.env.PGLITE_DATA_DIR ?? ".data/pglite", { recursive: true, force: true });
  }
  const database = openConfiguredDatabase();
  try {
    await migrate(database);
    await seedDemoWorld(database.client);
    console.log(`Reset and seeded ${database.describe()}.`);
    printDemoLogins();
  } finally {
    await database.close();
  }
});
