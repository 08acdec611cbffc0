// The product's races, many rounds over, on a real PostgreSQL with truly concurrent connections (one
// pool connection per call in flight). After every round the invariants of SPEC.md are checked over the
// whole database, and no call may fail with anything but the user-facing refusal it is owed.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { db } from "~/lib/db.server";
import { ALL_PERMISSIONS } from "~/domain/permissions";
import { requestAccess, cancelRequest } from "~/services/access-requests.server";
import { approveRequest, declineRequest } from "~/services/collaborator-decisions.server";
import { inviteStaff } from "~/services/staff.server";
import { createPerson, newOrganization, newRequest, newStaff, newStore, ownerActor, passwordHash, type Person } from "./support/world";
import { brokenInvariants } from "./support/invariants";
import { recordFigure } from "./support/figures";
import { decodeMessage } from "~/i18n/messages";

const ROUNDS = Number(process.env.SECURITY_ROUNDS ?? 20);

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  if (t.kind !== "postgres") throw new Error("the stress suite needs PostgreSQL (TEST_DATABASE_URL)");
});
afterAll(async () => {
  await t?.close();
});

const asUser = (p: Person) => ({ ...p, locale: null });

/** Many stores at once (plain rows, each with its owner account), for the cap race. */
async function bulkStores(count: number, owner: Person) {
  const tag = randomUUID().slice(0, 6);
  const rows = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    name: `Bulk ${tag} ${i}`,
    domain: `bulk-${tag}-${i}.portier.test`,
    contactEmail: owner.email,
    collaboratorCode: "1234",
    plan: "BASIC" as const,
  }));
  await db().store.createMany({ data: rows });
  await db().staffAccount.createMany({
    data: rows.map((s) => ({ storeId: s.id, userId: owner.id, email: owner.email, firstName: owner.firstName, lastName: owner.lastName, isOwner: true, status: "ACTIVE" as const, permissions: ALL_PERMISSIONS })),
  });
  return rows;
}

async function people(count: number, label: string): Promise<Person[]> {
  const hash = await passwordHash();
  const rows = Array.from({ length: count }, () => {
    const tag = randomUUID().slice(0, 8);
    return { id: randomUUID(), email: `${label}-${tag}@stress.test`, firstName: label, lastName: tag, passwordHash: hash };
  });
  await db().user.createMany({ data: rows });
  return rows.map(({ id, email, firstName, lastName }) => ({ id, email, firstName, lastName }));
}

/** Starts the calls in a random order, all before any finishes, so no side always gets the first shot. */
function race<T>(calls: (() => Promise<T>)[]): Promise<T[]> {
  const order = calls.map((_, i) => i).sort(() => Math.random() - 0.5);
  const results = new Array<Promise<T>>(calls.length);
  for (const i of order) results[i] = calls[i]();
  return Promise.all(results);
}

/** How many calls got each answer: "ok", or the refusal's message keys (their parameters apart). */
const tally = (results: { ok: boolean; errors?: Record<string, string> }[]) => {
  const counts: Record<string, number> = {};
  for (const r of results) {
    const key = r.ok ? "ok" : Object.values(r.errors ?? {}).map((m) => decodeMessage(m).key).join(",");
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
};

async function expectInvariants(round: number, race: string) {
  const broken = await brokenInvariants(t.db);
  expect(broken, `round ${round}, ${race}: invariants broken`).toEqual({});
}

let rounds = 0;
let calls = 0;
afterAll(() => {
  recordFigure("stress.rounds", rounds, "race rounds on PostgreSQL, one process");
  recordFigure("stress.calls", calls, "concurrent service calls in those races");
});

describe(`races on PostgreSQL, ${ROUNDS} rounds`, () => {
  test("cap of 10: 50 simultaneous requests from one organization to 50 stores leave exactly 10 pending", async () => {
    const owner = await createPerson("CapOwner");
    for (let round = 1; round <= ROUNDS; round++) {
      const [partner] = await people(1, "cap");
      const organization = await newOrganization("Cap", [partner]);
      const stores = await bulkStores(50, owner);
      const results = await Promise.all(
        stores.map((s) => requestAccess(asUser(partner), organization.id, { storeDomain: s.domain, code: "1234", permissions: ["orders_view"], message: null }, "192.0.2.9")),
      );
      calls += results.length;
      expect(tally(results), `round ${round}`).toEqual({ ok: 10, "partner.request.errors.cap": 40 });
      expect(await db().collaboratorRequest.count({ where: { organizationId: organization.id, status: "PENDING" } })).toBe(10);
      expect(await db().notification.count({ where: { storeId: { in: stores.map((s) => s.id) } } })).toBe(10);
      expect(await db().emailOutbox.count({ where: { text: { contains: organization.name } } })).toBe(10);
      await expectInvariants(round, "cap");
      rounds++;
    }
  });

  test("one request per store: 20 simultaneous requests for one store by one organization leave exactly one", async () => {
    const owner = await createPerson("OneOwner");
    for (let round = 1; round <= ROUNDS; round++) {
      const members = await people(4, "one");
      const organization = await newOrganization("One", members);
      const store = await newStore(owner, "One Store");
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          requestAccess(asUser(members[i % members.length]), organization.id, { storeDomain: store.domain, code: store.code, permissions: ["orders_view"], message: null }, "192.0.2.9"),
        ),
      );
      calls += results.length;
      expect(tally(results), `round ${round}`).toEqual({ ok: 1, "partner.request.errors.alreadyPending": 19 });
      expect(await db().collaboratorRequest.count({ where: { storeId: store.id } })).toBe(1);
      await expectInvariants(round, "one per store");
      rounds++;
    }
  });

  test("approve vs cancel vs decline on one request: exactly one outcome, and the access row agrees", async () => {
    const owner = await createPerson("DecideOwner");
    const manager = await createPerson("DecideManager");
    const store = await newStore(owner, "Decide Store");
    await newStaff(store.id, manager, ALL_PERMISSIONS);
    const outcomes: Record<string, number> = {};
    for (let round = 1; round <= ROUNDS * 2; round++) {
      const [partner] = await people(1, "decide");
      const organization = await newOrganization("Decide", [partner]);
      const request = await newRequest(partner, organization.id, store, ["orders_view", "products_manage"]);
      const [ownerNow, managerNow] = await Promise.all([ownerActor(owner, store.id), ownerActor(manager, store.id)]);
      const results = await race<{ ok: boolean }>([
        () => approveRequest(ownerNow, store.id, request.requestId, ["orders_view"], "203.0.113.1"),
        () => cancelRequest(asUser(partner), organization.id, request.requestId, "198.51.100.1"),
        () => declineRequest(managerNow, store.id, request.requestId, "203.0.113.2"),
        () => approveRequest(managerNow, store.id, request.requestId, ["products_view"], "203.0.113.2"),
      ]);
      calls += results.length;
      expect(results.filter((r) => r.ok), `round ${round}: ${JSON.stringify(results)}`).toHaveLength(1);
      const final = await db().collaboratorRequest.findUniqueOrThrow({ where: { id: request.requestId } });
      const access = await db().collaboratorAccess.findUniqueOrThrow({ where: { id: request.accessId } });
      const expectedState = { APPROVED: "MANAGED", CANCELLED: "CANCELLED", DECLINED: "DECLINED", PENDING: "?" }[final.status];
      expect(access.state, `round ${round}`).toBe(expectedState);
      // The losers were told what happened (a conflict naming the decision that came first), not thrown at.
      for (const r of results.filter((r) => !r.ok) as { kind?: string; errors?: Record<string, string> }[]) {
        expect(r.kind).toBe("conflict");
        const reason = Object.values(r.errors ?? {}).map((m) => decodeMessage(m).key).join();
        expect(reason).toMatch(/^(store\.requests\.errors\.(cancelled|alreadyApproved|alreadyDeclined)|partner\.stores\.outcome\.(APPROVED|DECLINED|CANCELLED))$/);
      }
      outcomes[final.status] = (outcomes[final.status] ?? 0) + 1;
      await expectInvariants(round, "approve vs cancel");
      rounds++;
    }
    console.info("approve/cancel/decline race outcomes:", outcomes);
  });

  test("staff invite vs collaborator request for the same person: never both", async () => {
    const owner = await createPerson("ExclusiveOwner");
    const outcomes: Record<string, number> = {};
    for (let round = 1; round <= ROUNDS * 2; round++) {
      const store = await newStore(owner, "Exclusive Store", "ADVANCED");
      const [person, colleague] = await people(2, "exclusive");
      const organization = await newOrganization("Exclusive", [person, colleague]);
      const ownerNow = await ownerActor(owner, store.id);
      const results = await race<{ ok: boolean }>([
        () => inviteStaff(ownerNow, store.id, { email: person.email, firstName: "P", lastName: "Q", permissions: ["orders_view"] }, "203.0.113.1"),
        () => requestAccess(asUser(colleague), organization.id, { storeDomain: store.domain, code: store.code, permissions: ["orders_view"], message: null }, "198.51.100.1"),
      ]);
      calls += results.length;
      const [invite, request] = results;
      expect([invite.ok, request.ok].filter(Boolean), `round ${round}: ${JSON.stringify(results)}`).toHaveLength(1);
      const key = invite.ok ? "staff won" : "collaborator won";
      outcomes[key] = (outcomes[key] ?? 0) + 1;
      await expectInvariants(round, "staff vs collaborator");
      rounds++;
    }
    console.info("staff vs collaborator race outcomes:", outcomes);
  });

  test("staff limit: 8 simultaneous invitations on a Basic store (2 seats) give exactly 2 accounts", async () => {
    const owner = await createPerson("LimitOwner");
    for (let round = 1; round <= ROUNDS; round++) {
      const store = await newStore(owner, "Limit Store", "BASIC");
      const ownerNow = await ownerActor(owner, store.id);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          inviteStaff(ownerNow, store.id, { email: `seat-${i}-${randomUUID().slice(0, 6)}@stress.test`, firstName: "S", lastName: String(i), permissions: ["orders_view"] }, "203.0.113.1"),
        ),
      );
      calls += results.length;
      expect(tally(results), `round ${round}`).toEqual({ ok: 2, "store.staff.errors.limit": 6 });
      await expectInvariants(round, "staff limit");
      rounds++;
    }
  });
});
