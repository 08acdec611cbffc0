// The benchmark's per-request SQL counter (app/lib/query-count.server.ts): off by default; with
// PORTIER_COUNT_QUERIES=1 each HTTP request gets its own count in X-Query-Count, also under concurrency.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "~/generated/prisma/client";

type CountModule = typeof import("~/lib/query-count.server");

let counting: CountModule;
let client: PrismaClient;
let pglite: PGlite | undefined;

function adapter() {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return new PrismaPg({ connectionString: url, max: 10 });
  pglite = new PGlite();
  return new PrismaPGlite(pglite);
}

beforeAll(async () => {
  process.env.PORTIER_COUNT_QUERIES = "1";
  counting = await import("~/lib/query-count.server");
  client = new PrismaClient({ adapter: counting.countQueries(adapter()) });
});

afterAll(async () => {
  delete process.env.PORTIER_COUNT_QUERIES;
  await client?.$disconnect();
  await pglite?.close();
});

describe("query counting", () => {
  it("leaves the adapter untouched when the flag is off", async () => {
    delete process.env.PORTIER_COUNT_QUERIES;
    try {
      const plain = new PrismaPGlite(new PGlite());
      expect(counting.countQueries(plain)).toBe(plain);
    } finally {
      process.env.PORTIER_COUNT_QUERIES = "1";
    }
  });

  it("counts each statement, and BEGIN and COMMIT for a transaction", async () => {
    const single = await counting.withQueryCount(() => client.$queryRaw`SELECT 1 AS one`);
    expect(single.queries).toBe(1);
    const transaction = await counting.withQueryCount(() =>
      client.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1 AS one`;
        await tx.$queryRaw`SELECT 2 AS two`;
      }),
    );
    expect(transaction.queries).toBe(4);
  });

  it("puts each request's own count in X-Query-Count, also for concurrent requests", async () => {
    const server = http.createServer(async (request, response) => {
      const n = Number(new URL(request.url ?? "/", "http://x").searchParams.get("n"));
      for (let i = 0; i < n; i++) {
        await client.$queryRaw`SELECT 1 AS one FROM pg_sleep(0.005)`;
      }
      response.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const wanted = [0, 1, 2, 3, 5, 8, 3, 1];
      const counts = await Promise.all(
        wanted.map(async (n) => {
          const response = await fetch(`http://127.0.0.1:${port}/?n=${n}`);
          await response.text();
          return Number(response.headers.get(counting.QUERY_COUNT_HEADER));
        }),
      );
      expect(counts).toEqual(wanted);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
