// Benchmark diagnostics (bench/run.ts, `npm run bench`): with PORTIER_COUNT_QUERIES=1 the app counts the
// SQL statements it sends while answering each HTTP request and returns the total in an `X-Query-Count`
// response header. Off by default: without the flag `countQueries` returns the adapter untouched and
// nothing below is installed.
//
// What is counted: every statement the driver adapter runs (queryRaw/executeRaw), plus BEGIN for each
// transaction and COMMIT/ROLLBACK where the adapter sends them itself (PGlite); on PostgreSQL Prisma
// sends COMMIT through executeRaw, so it is counted there.
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

interface Counter {
  count: number;
}

export const QUERY_COUNT_HEADER = "X-Query-Count";

export function queryCountingEnabled(): boolean {
  return process.env.PORTIER_COUNT_QUERIES === "1";
}

// Shared through globalThis so that every copy of this module (the server build, tests) uses one store.
const KEY = Symbol.for("portier.queryCount");
const globals = globalThis as unknown as Record<symbol, AsyncLocalStorage<Counter> | undefined>;
const storage: AsyncLocalStorage<Counter> = (globals[KEY] ??= new AsyncLocalStorage<Counter>());

function tick() {
  const counter = storage.getStore();
  if (counter) counter.count++;
}

/** Runs `work` with a fresh counter; returns its result and the number of statements it sent. */
export async function withQueryCount<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const counter: Counter = { count: 0 };
  // Awaited inside the context: Prisma's promises are lazy and start their query when awaited.
  const result = await storage.run(counter, async () => await work());
  return { result, queries: counter.count };
}

function wrap<T extends object>(target: T, methods: Record<string, (original: (...args: never[]) => unknown) => (...args: never[]) => unknown>): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      const bound = (value as (...args: never[]) => unknown).bind(object);
      const decorate = typeof property === "string" ? methods[property] : undefined;
      return decorate ? decorate(bound) : bound;
    },
  });
}

const counted =
  (original: (...args: never[]) => unknown) =>
  (...args: never[]) => {
    tick();
    return original(...args);
  };

function countTransaction(transaction: Transaction): Transaction {
  const phantom = Boolean(transaction.options?.usePhantomQuery);
  const end = (original: (...args: never[]) => unknown) => (phantom ? counted(original) : original);
  return wrap(transaction, { queryRaw: counted, executeRaw: counted, commit: end, rollback: end });
}

function countAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return wrap(adapter, {
    queryRaw: counted,
    executeRaw: counted,
    startTransaction:
      (original) =>
      async (...args: never[]) => {
        tick();
        return countTransaction((await original(...args)) as Transaction);
      },
  });
}

/** The adapter factory itself when counting is off; a counting wrapper around it when it is on. */
export function countQueries<T extends SqlDriverAdapterFactory>(factory: T): T {
  if (!queryCountingEnabled()) return factory;
  return wrap(factory, {
    connect:
      (original) =>
      async (...args: never[]) =>
        countAdapter((await original(...args)) as SqlDriverAdapter),
  });
}

let installed = false;

/**
 * Gives every incoming HTTP request its own counter and writes the count into the response head. Remix
 * writes the head once the loaders (or the action) have run, so the header holds the whole request's
 * statements.
 */
function installHttpHook() {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    const forward = () => emit.apply(this, [event, ...args] as Parameters<typeof emit>);
    if (event !== "request") return forward();
    const response = args[1] as http.ServerResponse;
    const counter: Counter = { count: 0 };
    const writeHead = response.writeHead;
    response.writeHead = function (this: http.ServerResponse, ...headArgs: Parameters<http.ServerResponse["writeHead"]>) {
      if (!this.headersSent) this.setHeader(QUERY_COUNT_HEADER, String(counter.count));
      return writeHead.apply(this, headArgs);
    } as http.ServerResponse["writeHead"];
    return storage.run(counter, forward);
  } as typeof http.Server.prototype.emit;
}

// Installed when the server build is loaded, before the first request arrives.
if (queryCountingEnabled()) installHttpHook();
