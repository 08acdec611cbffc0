import { PrismaClient } from "../../app/generated/prisma/client";
import { openDatabase } from "../../app/lib/db-adapter.server";

/** The database the app would use with this environment. */
export function openConfiguredDatabase() {
  const target = openDatabase({ url: process.env.DATABASE_URL || undefined, pgliteDataDir: process.env.PGLITE_DATA_DIR ?? ".data/pglite" });
  const client = new PrismaClient({ adapter: target.adapter });
  return {
    target,
    client,
    describe: () => (target.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${process.env.PGLITE_DATA_DIR ?? ".data/pglite"}`),
    close: async () => {
      await client.$disconnect();
      await target.close();
    },
  };
}
