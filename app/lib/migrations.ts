// The migrations this build was made with (their folder names), known at build time: readiness checks
// that the database holds every one of them before the instance takes traffic.
// `?raw`: the files are never loaded, but the bundler must be able to read them as modules.
const files = import.meta.glob("/prisma/migrations/*/migration.sql", { query: "?raw", import: "default" });

export const BUILD_MIGRATIONS: readonly string[] = Object.keys(files)
  .map((file) => file.split("/").at(-2) ?? "")
  .filter(Boolean)
  .sort();
