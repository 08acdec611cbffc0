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

/** One place decides which database the app talks to: DATABASE_URL set means PostgreSQL. */
export function openDatabase(options: { url?: string; pgliteDataDir: string; poolSize?: number }): DatabaseTarget {
  if (options.url) {
    const adapter = new PrismaPg({ connectionString: options.url, max: options.poolSize ?? 10 });
    return { adapter, kind: "postgres", close: async () => {} };
  }
  if (!options.pgliteDataDir.startsWith("memory://")) mkdirSync(options.pgliteDataDir, { recursive: true });
  const pglite = new PGlite({ dataDir: options.pgliteDataDir });
  return { adapter: new PrismaPGlite(pglite), kind: "pglite", close: () => pglite.close() };
}

export function openPGlite(pglite: PGlite): DatabaseTarget {
  return { adapter: new PrismaPGlite(pglite), kind: "pglite", close: () => pglite.close() };
}
