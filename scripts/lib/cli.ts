// The database scripts answer a user's mistake (server down, database missing, a failed migration) with
// a sentence saying what to do, not a stack trace. DEBUG=1 prints the trace as well.

/** What went wrong, in one or two lines, from the schema engine's, pg's or Prisma's error. */
export function explainFailure(error: unknown): string {
  const record = (error ?? {}) as { message?: string; code?: string };
  const message = String(record.message ?? error).trim();
  if (record.code === "P3009" || /failed migrations/i.test(message)) {
    return `${message.split("\n")[0]}\nA migration failed part-way on this database. Inspect it, then mark it with \`npx prisma migrate resolve\` or start from an empty database.`;
  }
  if (/does not exist/i.test(message) && /database/i.test(message)) {
    const name = /Database `([^`]+)`/.exec(message)?.[1] ?? /database "([^"]+)"/.exec(message)?.[1];
    return `${message.split("\n")[0]}\nCreate it first${name ? ` (\`createdb ${name}\`)` : ""}, then run the command again.`;
  }
  if (/ECONNREFUSED|Can't reach database server/i.test(message)) {
    return `${message.split("\n")[0]}\nIs PostgreSQL running, and is DATABASE_URL right?`;
  }
  if (/Invalid configuration/.test(message)) return message;
  return message.split("\n").slice(0, 3).join("\n");
}

/** Runs a script's body; on failure prints the explanation and exits 1. */
export async function runScript(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    console.error(`Error: ${explainFailure(error)}`);
    if (process.env.DEBUG) console.error(error);
    process.exit(1);
  }
}
