import { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "./db.server";

/** PostgreSQL's codes for "try again": serialization failure and deadlock. */
const RETRYABLE = new Set(["40001", "40P01"]);

export function sqlState(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const record = current as Record<string, unknown>;
    for (const key of ["originalCode", "code"]) {
      const value = record[key];
      if (typeof value === "string" && /^[0-9A-Z]{5}$/.test(value) && !value.startsWith("P")) return value;
    }
    current = record.cause ?? record.meta ?? (record.meta as Record<string, unknown> | undefined)?.driverAdapterError;
  }
  return undefined;
}

/** The text of an error and its causes, to find which constraint refused a write. */
export function errorText(error: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown) => {
    if (!value || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    const record = value as Record<string, unknown>;
    if (typeof record.message === "string") parts.push(record.message);
    for (const key of ["constraint", "originalMessage", "target"]) {
      if (typeof record[key] === "string") parts.push(record[key] as string);
      if (Array.isArray(record[key])) parts.push((record[key] as unknown[]).join(","));
    }
    visit(record.cause);
    visit(record.meta);
    visit(record.driverAdapterError);
  };
  visit(error);
  return parts.join(" | ");
}

export function violates(error: unknown, constraint: string): boolean {
  return errorText(error).includes(constraint);
}

/**
 * Runs one use case in one transaction, retrying when PostgreSQL asks for it (deadlock, serialization).
 * Every invariant the use case relies on is protected by a row lock or a constraint inside `work`.
 */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db().$transaction(work, { maxWait: 10_000, timeout: 20_000 });
    } catch (error) {
      const state = sqlState(error);
      const retryable =
        (state && RETRYABLE.has(state)) ||
        (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034");
      if (!retryable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
