// The world the authorization matrix walks: one store ("this store", S) seen by every kind of actor,
// a second store (T) with its own owner, and partner organizations around them. Built through the app's
// services where they exist (stores, organizations, requests, approvals), and Prisma for plain records.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { db } from "~/lib/db.server";
import { hashPassword } from "~/lib/password.server";
import { newToken } from "~/lib/tokens.server";
import { ALL_PERMISSIONS, COLLABORATOR_SECTIONS, type Permission, type Section } from "~/domain/permissions";
import { createStore } from "~/services/stores.server";
import { createOrganization } from "~/services/organizations.server";
import { requestAccess } from "~/services/access-requests.server";
import { approveRequest } from "~/services/collaborator-decisions.server";
import { resolveStoreActor } from "~/services/store-access.server";
import { inviteStaff } from "~/services/staff.server";
import type { SessionUser } from "~/services/sessions.server";
import { ROOT } from "./server";

export const WORLD_PASSWORD = "security-suite-password";

export interface Person {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
}

/** The people of the world. Column names of the matrix map onto these (see resolveActor). */
export const PEOPLE = [
  "partnerA", // member of organization A (which manages S with view everywhere); never logged in to S
  "partnerB", // member of organization B (no access to S; its own requests and access on T)
  "collabView", // member of A, logged in to S through A's access: every collaborator section at view
  "collabManage", // member of M, logged in to S: every collaborator section at manage
  "collabHomeOnly", // member of H, logged in to S: home view only
  "collabOrdersOnly", // member of O, logged in to S: orders view only
  "staffView", // staff on S: every section at view (staff included)
  "staffManage", // staff on S: every section at manage
  "staffHomeOnly",
  "staffOrdersOnly",
  "staffLocked", // every section at manage, LOCKED
  "staffArchived", // every section at manage, ARCHIVED
  "owner", // owner of S
  "otherOwner", // owner of T
] as const;
export type PersonKey = (typeof PEOPLE)[number];

export interface World {
  people: Record<PersonKey, Person>;
  store: { id: string; domain: string; code: string; name: string };
  otherStore: { id: string; domain: string; code: string; name: string };
  orgA: { id: string; name: string };
  orgB: { id: string; name: string };
  /** Collaborator accesses on S, by organization. */
  accesses: { A: string; M: string; H: string; O: string };
  /** Records of S (read by GET cells; actions get fresh ones). */
  s: { order: string; product: string; customer: string; staff: string; request: string; notification: string };
  /** What the pages of those records show of them (names, numbers, emails): the matrix checks a page shows its record. */
  labels: { order: string; product: string; customer: string; staff: string; requester: string; orgA: string; partnerA: string };
  /** Records of T and of organization B: the ids that must never work from S or from A. */
  foreign: {
    order: string;
    product: string;
    customer: string;
    staff: string;
    /** B's pending request on T. */
    request: string;
    /** B's managed access on T. */
    access: string;
    notification: string;
    /** A membership of B. */
    membership: string;
    /** The link token of a staff invitation on T for someone who is none of the matrix's people. */
    invitationToken: string;
  };
}

let hash: Promise<string> | undefined;
export const passwordHash = () => (hash ??= hashPassword(WORLD_PASSWORD));

export async function createPerson(label: string): Promise<Person> {
  const tag = randomUUID().slice(0, 8);
  return db().user.create({
    data: { email: `${label.toLowerCase()}-${tag}@security.test`, firstName: label, lastName: `Tester ${tag}`, passwordHash: await passwordHash() },
    select: { id: true, email: true, firstName: true, lastName: true },
  });
}

const asUser = (p: Person): SessionUser["user"] => ({ ...p, locale: null });

export async function newStore(owner: Person, name: string, plan: "BASIC" | "STANDARD" | "ADVANCED" = "ADVANCED") {
  const handle = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${randomUUID().slice(0, 6)}`;
  const result = await createStore(asUser(owner), { name, handle, contactEmail: owner.email, plan }, "192.0.2.1");
  if (!result.ok) throw new Error(`store not created: ${JSON.stringify(result.errors)}`);
  const store = await db().store.findUniqueOrThrow({ where: { id: result.value.storeId } });
  return { id: store.id, domain: store.domain, code: store.collaboratorCode, name: store.name };
}

export async function newOrganization(name: string, members: Person[]) {
  const [first, ...rest] = members;
  const created = await createOrganization(asUser(first), { name: `${name} ${randomUUID().slice(0, 4)}` }, "192.0.2.1");
  if (!created.ok) throw new Error(`organization not created: ${JSON.stringify(created.errors)}`);
  const organization = created.value;
  for (const member of rest) await db().membership.create({ data: { organizationId: organization.id, userId: member.id } });
  return { id: organization.id, name: organization.name };
}

export async function ownerActor(owner: Person, storeId: string) {
  const sessionId = randomUUID();
  await db().session.create({ data: { id: sessionId, userId: owner.id, expiresAt: new Date(Date.now() + 3_600_000) } });
  const decision = await resolveStoreActor({ sessionId, user: asUser(owner) }, storeId);
  if (!decision.ok) throw new Error("owner cannot act");
  return decision.actor;
}

/** A pending request through the partner's service (the store's real code). */
export async function newRequest(partner: Person, organizationId: string, store: { domain: string; code: string }, permissions: Permission[] = ["orders_view"]) {
  const result = await requestAccess(asUser(partner), organizationId, { storeDomain: store.domain, code: store.code, permissions, message: "Hello" }, "192.0.2.2");
  if (!result.ok) throw new Error(`request refused: ${JSON.stringify(result)}`);
  return result.value;
}

/** Requested by the partner, approved by the owner: a MANAGED access. */
export async function newManagedAccess(partner: Person, organizationId: string, store: { id: string; domain: string; code: string }, owner: Person, permissions: Permission[]) {
  const request = await newRequest(partner, organizationId, store, permissions);
  const approved = await approveRequest(await ownerActor(owner, store.id), store.id, request.requestId, permissions, "192.0.2.3");
  if (!approved.ok) throw new Error(`approval refused: ${JSON.stringify(approved)}`);
  return request;
}

export async function newStaff(storeId: string, person: Person, permissions: Permission[], status: "INVITED" | "ACTIVE" | "LOCKED" | "ARCHIVED" = "ACTIVE") {
  const account = await db().staffAccount.create({
    data: { storeId, userId: status === "INVITED" ? null : person.id, email: person.email, firstName: person.firstName, lastName: person.lastName, status, permissions },
  });
  return account.id;
}

let orderNumber = 9000;
export async function newOrder(storeId: string, customerId: string | null = null) {
  return (await db().order.create({ data: { storeId, number: orderNumber++, customerId, totalCents: 4200, itemCount: 2 } })).id;
}
export async function newProduct(storeId: string) {
  return (await db().product.create({ data: { storeId, title: `Product ${randomUUID().slice(0, 6)}`, priceCents: 1990, inventory: 3 } })).id;
}
/** A product's edit form carries its version: its updatedAt in milliseconds, as the page puts it. */
export async function productVersion(productId: string) {
  return String((await db().product.findUniqueOrThrow({ where: { id: productId } })).updatedAt.getTime());
}
export async function newCustomer(storeId: string) {
  const tag = randomUUID().slice(0, 8);
  return (await db().customer.create({ data: { storeId, firstName: "Cora", lastName: `Client ${tag}`, email: `cora-${tag}@example.test` } })).id;
}

const viewAll = COLLABORATOR_SECTIONS.map((s) => `${s}_view` as Permission);
const manageAll = COLLABORATOR_SECTIONS.map((s) => `${s}_manage` as Permission);
const staffViewAll = (["home", "orders", "products", "customers", "settings", "staff"] as Section[]).map((s) => `${s}_view` as Permission);

/**
 * Records the migrations in `_prisma_migrations` as `npm run db:migrate` does (the test database got them
 * applied straight from the files), so that the build's readiness check (/readyz) finds them all.
 */
export async function recordMigrations() {
  const dir = path.join(ROOT, "prisma/migrations");
  await db().$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
  for (const name of readdirSync(dir).filter((entry) => existsSync(path.join(dir, entry, "migration.sql"))).sort()) {
    const checksum = createHash("sha256").update(readFileSync(path.join(dir, name, "migration.sql"))).digest("hex");
    await db().$executeRawUnsafe(`INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") VALUES ($1, $2, now(), $3, 1)`, randomUUID(), checksum, name);
  }
}

export async function seedWorld(): Promise<World> {
  await recordMigrations();
  const people = {} as Record<PersonKey, Person>;
  for (const key of PEOPLE) people[key] = await createPerson(key);

  const store = await newStore(people.owner, "Security Store");
  const otherStore = await newStore(people.otherOwner, "Other Store");

  const orgA = await newOrganization("Agency A", [people.partnerA, people.collabView]);
  const orgB = await newOrganization("Agency B", [people.partnerB]);
  const orgM = await newOrganization("Agency M", [people.collabManage]);
  const orgH = await newOrganization("Agency H", [people.collabHomeOnly]);
  const orgO = await newOrganization("Agency O", [people.collabOrdersOnly]);

  const accessA = await newManagedAccess(people.partnerA, orgA.id, store, people.owner, viewAll);
  const accessM = await newManagedAccess(people.collabManage, orgM.id, store, people.owner, manageAll);
  const accessH = await newManagedAccess(people.collabHomeOnly, orgH.id, store, people.owner, ["home_view"]);
  const accessO = await newManagedAccess(people.collabOrdersOnly, orgO.id, store, people.owner, ["orders_view"]);

  await newStaff(store.id, people.staffView, staffViewAll);
  await newStaff(store.id, people.staffManage, ALL_PERMISSIONS);
  await newStaff(store.id, people.staffHomeOnly, ["home_view"]);
  await newStaff(store.id, people.staffOrdersOnly, ["orders_view"]);
  await newStaff(store.id, people.staffLocked, ALL_PERMISSIONS, "LOCKED");
  await newStaff(store.id, people.staffArchived, ALL_PERMISSIONS, "ARCHIVED");

  // Records of S that GET cells open.
  const customer = await newCustomer(store.id);
  const order = await newOrder(store.id, customer);
  const product = await newProduct(store.id);
  const staffTarget = await newStaff(store.id, await createPerson("StaffTarget"), ["orders_view"], "INVITED");
  const requester = await createPerson("Requester");
  const orgP = await newOrganization("Agency P", [requester]);
  const pending = await newRequest(requester, orgP.id, store, ["orders_view", "products_manage"]);
  const notification = await db().notification.findFirstOrThrow({ where: { storeId: store.id, requestId: pending.requestId } });

  // T and organization B: the foreign ids.
  const foreignCustomer = await newCustomer(otherStore.id);
  const foreignOrder = await newOrder(otherStore.id, foreignCustomer);
  const foreignProduct = await newProduct(otherStore.id);
  const foreignStaff = await newStaff(otherStore.id, await createPerson("ForeignStaff"), ["orders_view"]);
  const thirdStore = await newStore(people.otherOwner, "Third Store");
  const foreignAccess = await newManagedAccess(people.partnerB, orgB.id, thirdStore, people.otherOwner, ["orders_view"]);
  const foreignRequest = await newRequest(people.partnerB, orgB.id, otherStore, ["orders_view"]);
  const foreignNotification = await db().notification.findFirstOrThrow({ where: { storeId: otherStore.id, requestId: foreignRequest.requestId } });
  const foreignMembership = await db().membership.findFirstOrThrow({ where: { organizationId: orgB.id } });
  const invitee = `stranger-${randomUUID().slice(0, 8)}@security.test`;
  const invited = await inviteStaff(await ownerActor(people.otherOwner, otherStore.id), otherStore.id, { email: invitee, firstName: "Stranger", lastName: "Danger", permissions: ["orders_view"] });
  if (!invited.ok) throw new Error("invitation refused");
  const invitationMail = await db().emailOutbox.findFirstOrThrow({ where: { to: invitee } });
  const invitationToken = /\/invitations\/([A-Za-z0-9_-]+)/.exec(invitationMail.text)?.[1] ?? "";

  const labels = {
    order: String((await db().order.findUniqueOrThrow({ where: { id: order } })).number),
    product: (await db().product.findUniqueOrThrow({ where: { id: product } })).title,
    customer: (await db().customer.findUniqueOrThrow({ where: { id: customer } })).lastName,
    staff: (await db().staffAccount.findUniqueOrThrow({ where: { id: staffTarget } })).email,
    requester: orgP.name,
    orgA: orgA.name,
    partnerA: people.partnerA.email,
  };

  return {
    people,
    store,
    otherStore,
    orgA,
    orgB,
    accesses: { A: accessA.accessId, M: accessM.accessId, H: accessH.accessId, O: accessO.accessId },
    s: { order, product, customer, staff: staffTarget, request: pending.requestId, notification: notification.id },
    labels,
    foreign: {
      order: foreignOrder,
      product: foreignProduct,
      customer: foreignCustomer,
      staff: foreignStaff,
      request: foreignRequest.requestId,
      access: foreignAccess.accessId,
      notification: foreignNotification.id,
      membership: foreignMembership.id,
      invitationToken,
    },
  };
}

/** The collaborator access each collaborator enters S through. */
const COLLABORATOR_ACCESS: Partial<Record<PersonKey, keyof World["accesses"]>> = {
  collabView: "A",
  collabManage: "M",
  collabHomeOnly: "H",
  collabOrdersOnly: "O",
};

/**
 * A new signed-in session for the person, as sign-in creates it (only the token's hash is stored). A
 * collaborator's session is tied to their organization's access on S, as the partner dashboard's
 * "Log in" does. Returns the cookie value.
 */
export async function openSession(world: World, key: PersonKey): Promise<string> {
  const person = world.people[key];
  const { token, hash: id } = newToken();
  await db().session.create({ data: { id, userId: person.id, expiresAt: new Date(Date.now() + 3_600_000), ip: "127.0.0.1" } });
  const access = COLLABORATOR_ACCESS[key];
  if (access) await db().collaboratorSession.create({ data: { sessionId: id, accessId: world.accesses[access], userId: person.id } });
  return token;
}

/** A signed-in session for anyone (a fixture's owner), as sign-in creates it. Returns the cookie value. */
export async function sessionFor(person: Person): Promise<string> {
  const { token, hash: id } = newToken();
  await db().session.create({ data: { id, userId: person.id, expiresAt: new Date(Date.now() + 3_600_000), ip: "127.0.0.1" } });
  return token;
}
