import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

export type AdapterFactory = PrismaPg | PrismaPGlite;


export interface DatabaseTarget {
  adapter: AdapterFactory;
  /** Closes the embedded database or the pool. */
  close: () => Promise<void>;
  kind: "pglite" | "postgres";
}

/**
 * `@prisma/adapter-pg` runs a script (what the schema engine hands it for each migration) by splitting it
 * on `;`, which cuts the `$$`-quoted bodies of our triggers in half. PostgreSQL's simple-query protocol
 * takes the whole script as it is, runs it as one implicit transaction, and is what `psql -f` and
 * `prisma migrate deploy` do, so one migration is applied whole or not at all.
 */
class PostgresAdapterFactory extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver();
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        // The adapter's own conversion, so Prisma reports a failed migration as it reports any query.
        (adapter as unknown as { onError: (error: unknown) => never }).onError(error);
      }
    };
    return adapter;
  }
}

/** One place decides which database the app talks to: DATABASE_URL set means PostgreSQL. */
export function openDatabase(options: { url?: string; pgliteDataDir: string; poolSize?: number }): DatabaseTarget {
  if (options.url) {
    const adapter = new PostgresAdapterFactory({ connectionString: options.url, max: options.poolSize ?? 10 });
    return { adapter, kind: "postgres", close: async () => {} };
  }
  if (!options.pgliteDataDir.startsWith("memory://")) mkdirSync(options.pgliteDataDir, { recursive: true });
  const pglite = new PGlite({ dataDir: options.pgliteDataDir });
  return { adapter: new PrismaPGlite(pglite), kind: "pglite", close: () => pglite.close() };
}

export function openPGlite(pglite: PGlite): DatabaseTarget {
  return { adapter: new PrismaPGlite(pglite), kind: "pglite", close: () => pglite.close() };
}
