// Fresh targets for the matrix's action cells: each cell acts on records made for it alone, so that an
// allowed action (approve, lock, remove...) never changes what the next cell sees, and a refused one can
// be checked to have changed nothing at all.
import { randomUUID } from "node:crypto";
import { db } from "~/lib/db.server";
import { newToken } from "~/lib/tokens.server";
import { cancelRequest } from "~/services/access-requests.server";
import { declineRequest, removeCollaborator, suspendCollaborator } from "~/services/collaborator-decisions.server";
import { inviteStaff } from "~/services/staff.server";
import { requestPasswordReset } from "~/services/account-recovery.server";
import { requestEmailChange } from "~/services/account.server";
import {
  createPerson,
  newCustomer,
  newManagedAccess,
  newOrder,
  newOrganization,
  newProduct,
  newRequest,
  newStaff,
  newStore,
  ownerActor,
  productVersion,
  sessionFor,
  type Person,
  type PersonKey,
  type World,
  WORLD_PASSWORD,
} from "./world";

export interface CellContext {
  world: World;
  /** The person acting in this cell; null for anonymous. */
  person: PersonKey | null;
}

export interface Prepared {
  /** Values for the row's {placeholders}. */
  vars?: Record<string, string>;
  /** Form fields, replacing the row's own when given. */
  form?: [string, string][];
  /** Undoes what the cell may have left (so that limits and caps never interfere with later cells). */
  cleanup?: () => Promise<void>;
}

const storeCode = async (storeId: string) => (await db().store.findUniqueOrThrow({ where: { id: storeId } })).collaboratorCode;

/** A pending request on S from a fresh organization. */
export async function pendingRequestOnS({ world }: CellContext): Promise<Prepared> {
  const partner = await createPerson("Asker");
  const organization = await newOrganization("Asker", [partner]);
  const request = await newRequest(partner, organization.id, { domain: world.store.domain, code: await storeCode(world.store.id) }, ["orders_view", "products_view"]);
  return { vars: { request: request.requestId, access: request.accessId, requestOrg: organization.id, requestOrgName: organization.name } };
}

/** A managed (optionally suspended) collaborator access on S from a fresh organization. */
export function accessOnS(state: "MANAGED" | "SUSPENDED") {
  return async ({ world }: CellContext): Promise<Prepared> => {
    const partner = await createPerson("Helper");
    const organization = await newOrganization("Helper", [partner]);
    const store = { ...world.store, code: await storeCode(world.store.id) };
    const request = await newManagedAccess(partner, organization.id, store, world.people.owner, ["orders_view", "home_view"]);
    if (state === "SUSPENDED") {
      const done = await suspendCollaborator(await ownerActor(world.people.owner, world.store.id), world.store.id, request.accessId);
      if (!done.ok) throw new Error("suspend failed");
    }
    return {
      vars: { access: request.accessId, accessOrg: organization.id, accessOrgName: organization.name },
      // Leave S's collaborator list as it was: remove what the cell did not.
      cleanup: async () => {
        const access = await db().collaboratorAccess.findUniqueOrThrow({ where: { id: request.accessId } });
        if (access.state === "MANAGED" || access.state === "SUSPENDED") await removeCollaborator(await ownerActor(world.people.owner, world.store.id), world.store.id, request.accessId);
      },
    };
  };
}

/** A staff account on S in the given status; deleted afterwards (seats stay free). */
export function staffOnS(status: "ACTIVE" | "LOCKED" | "ARCHIVED") {
  return async ({ world }: CellContext): Promise<Prepared> => {
    const person = await createPerson("Target");
    const id = await newStaff(world.store.id, person, ["orders_view"], status);
    return { vars: { staff: id, staffEmail: person.email.toLowerCase(), staffUser: person.id }, cleanup: async () => void (await db().staffAccount.deleteMany({ where: { id } })) };
  };
}

/** A fresh email to invite to S; the account the cell may create is removed afterwards. */
export async function inviteeForS(): Promise<Prepared> {
  const email = `invitee-${randomUUID().slice(0, 8)}@security.test`;
  return {
    vars: { email },
    cleanup: async () => void (await db().staffAccount.deleteMany({ where: { email } })),
  };
}

export async function orderOnS({ world }: CellContext): Promise<Prepared> {
  return { vars: { order: await newOrder(world.store.id) } };
}
export async function productOnS({ world }: CellContext): Promise<Prepared> {
  const product = await newProduct(world.store.id);
  return { vars: { product, version: await productVersion(product) } };
}
export async function customerOnS({ world }: CellContext): Promise<Prepared> {
  return { vars: { customer: await newCustomer(world.store.id) } };
}

/** The store's requirement is turned back on after a cell that may have turned it off. */
export async function restoreCodeRequirement({ world }: CellContext): Promise<Prepared> {
  return { cleanup: async () => void (await db().store.update({ where: { id: world.store.id }, data: { collaboratorCodeRequired: true } })) };
}

/** Organization A's state on a fresh store, for the Stores page's row actions. */
export function rowOfA(state: "PENDING" | "MANAGED" | "REMOVED" | "DECLINED") {
  return async ({ world }: CellContext): Promise<Prepared> => {
    const owner = await createPerson("RowOwner");
    const store = await newStore(owner, "Row Store", "BASIC");
    const request = await newRequest(world.people.partnerA, world.orgA.id, store, ["orders_view"]);
    const ownerNow = () => ownerActor(owner, store.id);
    if (state === "MANAGED" || state === "REMOVED") {
      const { approveRequest } = await import("~/services/collaborator-decisions.server");
      const approved = await approveRequest(await ownerNow(), store.id, request.requestId, ["orders_view"]);
      if (!approved.ok) throw new Error("approve failed");
      if (state === "REMOVED") await removeCollaborator(await ownerNow(), store.id, request.accessId);
    }
    if (state === "DECLINED") await declineRequest(await ownerNow(), store.id, request.requestId);
    return {
      vars: { request: request.requestId, access: request.accessId, rowStore: store.id },
      cleanup: () => releaseOrgA(world),
    };
  };
}

/** Organization A never keeps a pending request from one cell to the next (its cap is 10). */
export async function releaseOrgA(world: World) {
  const pending = await db().collaboratorRequest.findMany({ where: { organizationId: world.orgA.id, status: "PENDING" } });
  for (const request of pending) await cancelRequest({ ...world.people.partnerA, locale: null }, world.orgA.id, request.id);
}

/** A store A may request, with its code. */
export async function requestableStore({ world }: CellContext): Promise<Prepared> {
  const owner = await createPerson("Requestable");
  const store = await newStore(owner, "Requestable Store", "BASIC");
  return {
    vars: { storeUrl: `https://${store.domain.toUpperCase()}/admin`, code: store.code, requestStore: store.id, requestStoreOwner: await sessionFor(owner) },
    cleanup: () => releaseOrgA(world),
  };
}

/** A second member of A (to remove) and an open invitation of A (to cancel). */
export async function memberOfA({ world }: CellContext): Promise<Prepared> {
  const person = await createPerson("Member");
  const membership = await db().membership.create({ data: { organizationId: world.orgA.id, userId: person.id } });
  return { vars: { membership: membership.id, memberUser: person.id }, cleanup: async () => void (await db().membership.deleteMany({ where: { id: membership.id } })) };
}
export async function invitationOfA({ world }: CellContext): Promise<Prepared> {
  const { hash } = newToken();
  const invitation = await db().organizationInvitation.create({
    data: { organizationId: world.orgA.id, email: `org-invitee-${randomUUID().slice(0, 8)}@security.test`, tokenHash: hash, expiresAt: new Date(Date.now() + 86_400_000), invitedById: world.people.partnerA.id },
  });
  return { vars: { invitation: invitation.id }, cleanup: async () => void (await db().organizationInvitation.deleteMany({ where: { id: invitation.id } })) };
}
export async function emailForOrgInvite(): Promise<Prepared> {
  return { vars: { email: `org-invitee-${randomUUID().slice(0, 8)}@security.test` } };
}

/**
 * A staff invitation on a fresh store, with its link's token. `forActor`: the invitation is for the
 * acting person's own email (to accept while signed in); otherwise for a new address (to create a login).
 */
export function staffInvitation(forActor: boolean) {
  return async ({ world, person }: CellContext): Promise<Prepared> => {
    const owner = await createPerson("Inviter");
    const store = await newStore(owner, "Inviting Store", "ADVANCED");
    const invitee: Pick<Person, "email" | "firstName" | "lastName"> =
      forActor && person ? world.people[person] : { email: `new-staff-${randomUUID().slice(0, 8)}@security.test`, firstName: "New", lastName: "Staff" };
    const invited = await inviteStaff(await ownerActor(owner, store.id), store.id, { ...invitee, permissions: ["orders_view"] });
    if (!invited.ok) throw new Error(`invite failed: ${JSON.stringify(invited)}`);
    const mail = await db().emailOutbox.findFirstOrThrow({ where: { to: invitee.email.toLowerCase() }, orderBy: { createdAt: "desc" } });
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    if (!token) throw new Error("no invitation link in the mail");
    return { vars: { token, invitationStore: store.id, inviteeEmail: invitee.email.toLowerCase() } };
  };
}

/** A person who can sign in (for the anonymous cell of the sign-in form). */
export async function signInAs({ world, person }: CellContext): Promise<Prepared> {
  const who = person ? world.people[person] : await createPerson("Visitor");
  return { vars: { email: who.email, signInUser: who.id } };
}
export async function freshEmail(): Promise<Prepared> {
  return { vars: { email: `signup-${randomUUID().slice(0, 8)}@security.test`, handle: `matrix-${randomUUID().slice(0, 8)}` } };
}

// ---- Logins and accounts (issue 13) ----

const linkIn = (text: string, pattern: RegExp) => {
  const token = pattern.exec(text)?.[1];
  if (!token) throw new Error(`no link matching ${pattern} in the mail`);
  return token;
};

/** A fresh login, for "Forgot your password?" (each cell its own email: the throttle counts per email). */
export async function forgetfulPerson(): Promise<Prepared> {
  const who = await createPerson("Forgetful");
  return { vars: { email: who.email, forgetfulUser: who.id } };
}

/** A fresh login's reset link, as its mail carries it. */
export async function resetLink(): Promise<Prepared> {
  const who = await createPerson("Resetting");
  const asked = await requestPasswordReset({ email: who.email }, { ip: "192.0.2.250", locale: "en" });
  if (!asked.ok) throw new Error(`reset request failed: ${JSON.stringify(asked)}`);
  const mail = await db().emailOutbox.findFirstOrThrow({ where: { to: who.email }, orderBy: { createdAt: "desc" } });
  return { vars: { token: linkIn(mail.text, /\/reset-password\/([A-Za-z0-9_-]+)/), resetEmail: who.email, resetUser: who.id } };
}

/** A fresh login's pending email change, with the link mailed to the new address. */
export async function emailChangeLink(): Promise<Prepared> {
  const who = await createPerson("Moving");
  const newEmail = `moved-${randomUUID().slice(0, 8)}@security.test`;
  const asked = await requestEmailChange({ ...who, locale: null }, { newEmail, currentPassword: WORLD_PASSWORD }, "192.0.2.251");
  if (!asked.ok) throw new Error(`email change failed: ${JSON.stringify(asked)}`);
  const mail = await db().emailOutbox.findFirstOrThrow({ where: { to: newEmail }, orderBy: { createdAt: "desc" } });
  return { vars: { token: linkIn(mail.text, /\/account\/email\/([A-Za-z0-9_-]+)/), newEmail, changeUser: who.id, oldEmail: who.email } };
}

/**
 * For the account-settings rows that change the acting person (name, language, password): the cleanup
 * puts them back, for the suites that do not undo every cell (the forgery suite posts each row for real).
 */
export async function restoresMe({ world, person }: CellContext): Promise<Prepared> {
  if (!person) return {};
  const id = world.people[person].id;
  const before = await db().user.findUniqueOrThrow({ where: { id }, select: { firstName: true, lastName: true, locale: true, passwordHash: true } });
  return { cleanup: async () => void (await db().user.update({ where: { id }, data: before })) };
}

// ---- feature-logs ----------------------------------------------------------------------------------

/** An invitation on S not accepted yet (an INVITED account without a login, and its link); deleted afterwards. */
export async function invitedOnS({ world }: CellContext): Promise<Prepared> {
  const email = `invited-${randomUUID().slice(0, 8)}@security.test`;
  const account = await db().staffAccount.create({ data: { storeId: world.store.id, email, firstName: "Invited", lastName: "Person", status: "INVITED", permissions: ["orders_view"] } });
  await db().staffInvitation.create({ data: { staffAccountId: account.id, tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000) } });
  return { vars: { staff: account.id, staffEmail: email }, cleanup: async () => void (await db().staffAccount.deleteMany({ where: { id: account.id } })) };
}
