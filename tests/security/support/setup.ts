// Every security suite runs against PostgreSQL (fresh databases made by tests/helpers/test-database.ts).
// SECURITY_ON_PGLITE=1 runs the in-process suites on in-memory PGlite instead (the HTTP, browser and
// stress suites need PostgreSQL and say so).
if (process.env.SECURITY_ON_PGLITE) delete process.env.TEST_DATABASE_URL;
else process.env.TEST_DATABASE_URL ||= process.env.SECURITY_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
