// Every security suite runs against PostgreSQL (fresh databases made by tests/helpers/test-database.ts).
process.env.TEST_DATABASE_URL ||= process.env.SECURITY_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
