import { defineConfig } from "prisma/config";

// The URL only matters to the native CLI (`prisma migrate deploy` on a machine that has the engine).
// The app and our own migration scripts pick their driver adapter in app/lib/db-adapter.server.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgres://localhost:5432/portier" },
});
