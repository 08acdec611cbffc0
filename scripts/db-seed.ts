// npm run db:seed: fills an empty database with the demo world, migrating it first. Refuses to run in
// production, and leaves a database that already has data alone (use `npm run db:reset` to start over).
import { openConfiguredDatabase } from "./lib/database";
import { migrate } from "./lib/migrations";
import { runScript } from "./lib/cli";
import { seedDemoWorld, printDemoLogins } from "../prisma/seed";

if (process.env.NODE_ENV === "production") {
  console.error("Refusing to seed demo data with NODE_ENV=production.");
  process.exit(1);
}
await runScript(async () => {
  const database = openConfiguredDatabase();
  try {
    await migrate(database);
    const users = await database.client.user.count();
    if (users > 0) {
      console.log(`${database.describe()} already has data: demo world not seeded.`);
      if (await database.client.user.findUnique({ where: { email: "nadia@northwind.test" } })) printDemoLogins();
    } else {
      await seedDemoWorld(database.client);
      console.log(`Seeded the demo world into ${database.describe()}.`);
      printDemoLogins();
    }
  } finally {
    await database.close();
  }
});
