// A new merchant's first minutes on a production server, through its forms only: sign up, sign out,
// sign in again (on the other instance when there are two), open a store, find it from either instance.
// CI runs it against the servers it started with the README's own commands (`npm run db:migrate`,
// `npm start`): two instances on a new PostgreSQL database, then one on a new embedded database
// (SECURITY_PRODUCTION_URLS=http://…[,http://…]). Without that variable it starts a build of its own.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { runningServer, startServer, type AppServer } from "./support/server";
import { send, setCookie } from "./support/http";
import { recordFigure } from "./support/figures";

const external = process.env.SECURITY_PRODUCTION_URLS?.split(",").filter(Boolean) ?? [];
let t: TestDatabase | undefined;
let servers: AppServer[] = [];
let requests = 0;

beforeAll(async () => {
  if (external.length) {
    servers = external.map(runningServer);
    return;
  }
  t = await createTestDatabase();
  servers = [await startServer({ databaseUrl: t.url! })];
});
afterAll(async () => {
  recordFigure("production.requests", requests, "requests of the sign-in run against production servers");
  await Promise.all(servers.map((server) => server.stop()));
  await t?.close();
});

const on = (index: number) => servers[index % servers.length];
async function call(index: number, path: string, options: Parameters<typeof send>[2] = {}) {
  requests++;
  return send(on(index).baseUrl, path, options);
}

describe(`sign-in run on ${external.length || 1} production instance(s)`, () => {
  test("sign up, sign out, sign in, open a store, see it everywhere", async () => {
    for (let i = 0; i < servers.length; i++) expect((await call(i, "/login")).status).toBe(200);

    const tag = randomBytes(4).toString("hex");
    const email = `merchant-${tag}@example.test`;
    const password = "a long enough passphrase";
    const signup = await call(0, "/signup", { form: { firstName: "Mira", lastName: "Chen", email, password } });
    expect(signup.status, signup.body.slice(0, 300)).toBe(302);
    let session = setCookie(signup)?.value;
    expect(session).toBeTruthy();
    expect((await call(0, "/account", { token: session })).body).toContain(email);

    const logout = await call(0, "/logout", { token: session, method: "POST", form: {} });
    expect(logout.status).toBe(302);
    const after = await call(1, "/account", { token: session });
    expect(after.status).toBe(302);
    expect(after.location).toMatch(/^\/login/);

    const wrong = await call(1, "/login", { form: { email, password: "not the password" } });
    expect(wrong.status).toBe(400);
    const login = await call(1, "/login", { form: { email, password } });
    expect(login.status, login.body.slice(0, 300)).toBe(302);
    session = setCookie(login)?.value;
    expect(session).toBeTruthy();

    const handle = `first-store-${tag}`;
    const created = await call(1, "/stores/new", { token: session, form: { name: `Mira's Shop ${tag}`, handle, contactEmail: email, plan: "BASIC" } });
    expect(created.status, created.body.slice(0, 300)).toBe(302);
    const storePath = created.location!.split("?")[0];
    expect(storePath).toMatch(/^\/store\/[0-9a-f-]{36}/);
    for (let i = 0; i < servers.length; i++) {
      const page = await call(i, storePath, { token: session });
      expect(page.status).toBe(200);
      expect(page.body).toContain(`Mira&#x27;s Shop ${tag}`);
    }
  });
});
