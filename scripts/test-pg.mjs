// npm run test:pg: the integration suite against a real PostgreSQL. Each test file gets its own fresh
// database on that server (created and dropped by tests/helpers/test-database.ts).
import { run } from "./lib/run.mjs";

const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
if (!/^postgres(ql)?:\/\//.test(url)) {
  console.error("test:pg needs DATABASE_URL=postgres://… pointing at a PostgreSQL server.");
  process.exit(1);
}
console.log(`Integration tests on PostgreSQL at ${url.replace(/\/\/[^@]*@/, "//***@")}`);
await run("npx", ["vitest", "run", "tests/integration", ...process.argv.slice(2)], { env: { TEST_DATABASE_URL: url, DATABASE_URL: "" } });
