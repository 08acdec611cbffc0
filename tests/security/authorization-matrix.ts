// THE AUTHORIZATION MATRIX (issue 5): every route of app/routes, its loader and each of its actions, against
// every kind of actor. tests/security/matrix.test.ts walks it over HTTP against the production build and
// fails on any cell that differs, and on any route file or intent this table does not list.
//
// Columns (the actors; see support/world.ts for the people behind them):
//   anon      anonymous (no session)
//   pOwn      partner of the owning organization A (A manages store S; this partner never pressed "Log in")
//   pOther    partner of another organization B
//   cView     collaborator on S with view on every collaborator section (member of A, logged in through A)
//   cManage   collaborator on S with manage on every collaborator section
//   cNone     collaborator on S without the route's section (home only; orders only for Home routes)
//   sView     staff of S with view on every section (staff included)
//   sManage   staff of S with manage on every section
//   sNone     staff of S without the route's section (home only; orders only for Home routes)
//   sLocked   staff of S, locked (had every permission)
//   sArch     staff of S, archived (had every permission)
//   owner     owner of S
//   oOther    owner of another store T
//
// Cells: ok = 2xx, or a redirect somewhere other than sign-in (to `okLocation` when the row gives one);
//        200 = exactly that status;  L = redirect to /login;  403 / 404 / 400 / 409 = that status.
// An allowed cell must also do what it is there for: a page shows its record (`shows`: texts its body
// contains), an action writes what its `effect` names (rows, a toast in the session's flash) and nothing
// outside the effect's tables. A "no-op" or a bounce to another page fails the cell.
// A cell whose answer is a known, reported bug carries a `knownBugs` marker naming the failure it
// expects: the run reports it loudly and passes, fails on any other failure, and fails once it is fixed.
import type { Section } from "~/domain/permissions";
import {
  accessOnS,
  customerOnS,
  emailChangeLink,
  forgetfulPerson,
  resetLink,
  restoresMe,
  emailForOrgInvite,
  freshEmail,
  invitedOnS,
  invitationOfA,
  inviteeForS,
  memberOfA,
  orderOnS,
  pendingRequestOnS,
  productOnS,
  requestableStore,
  restoreCodeRequirement,
  rowOfA,
  signInAs,
  staffInvitation,
  staffOnS,
  type CellContext,
  type Prepared,
} from "./support/fixtures";
import { WORLD_PASSWORD, type PersonKey } from "./support/world";
import type { KnownBug } from "./support/known-bug";
import type { Op } from "./support/changes";
import type { Sent } from "./support/http";

export const COLUMNS = ["anon", "pOwn", "pOther", "cView", "cManage", "cNone", "sView", "sManage", "sNone", "sLocked", "sArch", "owner", "oOther"] as const;
export type Column = (typeof COLUMNS)[number];

export interface MatrixRow {
  /** The file in app/routes. */
  route: string;
  method: "GET" | "POST";
  /** The action's `intent` field, for routes with several actions. */
  intent?: string;
  /** With {placeholders}: store, otherStore, orgA, orgB, s.*, foreign.*, and the prepared vars. */
  path: string;
  /** The section whose "without the section" actors are used (cNone, sNone). */
  section?: Section;
  /** 13 cells, in COLUMNS order. */
  cells: string;
  /** Form fields (values may hold {placeholders}). */
  form?: [string, string][];
  /** Fresh targets for each cell. */
  prepare?: (ctx: CellContext) => Promise<Prepared>;
  /** Where an allowed cell must land (redirect location), when it redirects. */
  okLocation?: RegExp;
  /** Content other than a form (file upload). */
  multipart?: boolean;
  /** GET: texts (with placeholders) an allowed page's body must contain: the record it was asked for. */
  shows?: string[];
  /**
   * POST: pages that show what the action stores, besides the one it lands on (the fuzz renders them
   * after each accepted hostile submission); `token`, when given, is the session to look as.
   */
  storedOn?: { path: string; token?: string }[];
  /** POST: what an allowed action writes (for the person acting, when it depends on who that is). */
  effect?: Effect | ((cell: { person: PersonKey | null }) => Effect);
  knownBugs?: Partial<Record<Column, KnownBug>>;
  note?: string;
}

/** One row an action must write: its table, the operation, and column values (templates allowed; for an UPDATE, the columns it changes). */
export interface Write {
  table: string;
  op: Op;
  where?: Record<string, unknown>;
}

export interface Effect {
  /** Every table the action may write (the session's own row too when it leaves a toast). */
  tables: string[];
  /** The rows it exists to write. */
  writes: Write[];
  /** The toast it leaves in the session's flash (a message key). */
  toast?: string;
  /** Anything else its answer must carry (a cookie, a file): a problem, or null. */
  answer?: (sent: Sent, vars: Record<string, string>) => string | null;
}

const PERM = (level: "view" | "manage" = "view"): [string, string][] => [["perm.orders", level]];

/** The activity log entry an action writes, with the columns given. */
const logged = (action: string, where: Record<string, unknown> = {}): Write => ({ table: "ActivityLog", op: "INSERT", where: { action, ...where } });
/** …on store S, by the person acting in the cell. */
const loggedOnS = (action: string, where: Record<string, unknown> = {}) => logged(action, { storeId: "{store}", actorUserId: "{me}", ...where });
/** …on organization A, by the person acting. */
const loggedOnA = (action: string, where: Record<string, unknown> = {}) => logged(action, { organizationId: "{orgA}", actorUserId: "{me}", ...where });
const sessionOf = (userId: string): Write => ({ table: "Session", op: "INSERT", where: { userId } });
/** The answer sets a session cookie (sign-in, sign-up, a new staff login). */
const setsSession = (sent: Sent) => (sent.headers.getSetCookie().some((c) => /^__Host-portier_session=[A-Za-z0-9_-]{20,}/.test(c)) ? null : "no session cookie in the answer");
/** The answer sets a trusted-device cookie (sign-in). */
const setsDevice = (sent: Sent) => (sent.headers.getSetCookie().some((c) => /^__Host-portier_device=[A-Za-z0-9_-]{20,}/.test(c)) ? null : "no device cookie in the answer");
const isCsv = (sent: Sent) => (/^text\/csv/.test(sent.headers.get("content-type") ?? "") && /^attachment/.test(sent.headers.get("content-disposition") ?? "") ? null : `not a CSV attachment: ${sent.headers.get("content-type")}`);

// Shorthands for the common shapes of store-admin cells, written out in full below so that each row
// reads on its own line. (anon pOwn pOther cView cManage cNone sView sManage sNone sLocked sArch owner oOther)
/** A day a month ahead: a valid end date for the End date dialog (collaborator access over time). */
const END_DAY = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

export const MATRIX: MatrixRow[] = [
  // ---- Sign-in, sign-up, account ------------------------------------------------------------------
  { route: "_index.tsx", method: "GET", path: "/", shows: ["{me.email}"], cells: "L ok ok ok ok ok ok ok ok ok ok ok ok" },
  { route: "login.tsx", method: "GET", path: "/login", shows: ['name="password"'], cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok" },
  {
    route: "login.tsx",
    method: "POST",
    path: "/login",
    prepare: signInAs,
    form: [["email", "{email}"], ["password", WORLD_PASSWORD], ["redirectTo", "/account"]],
    okLocation: /^\/account$/,
    // A browser without a device cookie is handed one (README, "Device cookies").
    effect: {
      tables: ["Session", "LoginAttempt", "TrustedDevice"],
      writes: [sessionOf("{signInUser}"), { table: "LoginAttempt", op: "UPDATE", where: { succeeded: true } }, { table: "TrustedDevice", op: "INSERT", where: { userId: "{signInUser}" } }],
      answer: (sent) => setsSession(sent) ?? setsDevice(sent),
    },
    cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok",
  },
  { route: "signup.tsx", method: "GET", path: "/signup", shows: ['name="firstName"'], cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok" },
  {
    route: "signup.tsx",
    method: "POST",
    path: "/signup",
    prepare: freshEmail,
    form: [["firstName", "New"], ["lastName", "Person"], ["email", "{email}"], ["password", "a fine passphrase"]],
    storedOn: [{ path: "/account" }],
    effect: {
      tables: ["User", "Session", "ActivityLog"],
      writes: [{ table: "User", op: "INSERT", where: { email: "{email}", firstName: "New", lastName: "Person" } }, { table: "Session", op: "INSERT" }, logged("user.signed_up", { subject: null })],
      answer: setsSession,
    },
    cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok",
  },
  { route: "logout.tsx", method: "GET", path: "/logout", okLocation: /^\/$/, cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok" },
  {
    route: "logout.tsx",
    method: "POST",
    path: "/logout",
    okLocation: /^\/login$/,
    // Signed in: that session's row goes (with a collaborator's tie to the store). Anonymous: nothing to end, and nothing written.
    effect: ({ person }) => ({ tables: ["Session", "CollaboratorSession"], writes: person ? [{ table: "Session", op: "DELETE", where: { userId: "{me}" } }] : [] }),
    cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok",
  },
  { route: "locale.tsx", method: "GET", path: "/locale", okLocation: /^\/$/, cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok" },
  {
    route: "locale.tsx",
    method: "POST",
    path: "/locale",
    form: [["locale", "fr"], ["redirectTo", "/account"]],
    okLocation: /^\/account$/,
    // The cookie for everyone; a signed-in person's account remembers it too.
    effect: ({ person }) => ({
      tables: ["User"],
      writes: person ? [{ table: "User", op: "UPDATE", where: { id: "{me}", locale: "fr" } }] : [],
      answer: (sent) => (sent.headers.getSetCookie().some((c) => /^portier_lang=fr/.test(c)) ? null : "no language cookie in the answer"),
    }),
    cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok",
  },
  { route: "account.tsx", method: "GET", path: "/account", shows: ["{me.email}"], cells: "L ok ok ok ok ok ok ok ok ok ok ok ok" },
  { route: "organizations.new.tsx", method: "GET", path: "/organizations/new", shows: ['name="name"'], cells: "L ok ok ok ok ok ok ok ok ok ok ok ok" },
  {
    route: "organizations.new.tsx",
    method: "POST",
    path: "/organizations/new",
    form: [["name", "Matrix Agency"]],
    storedOn: [{ path: "/account" }],
    okLocation: /^\/partners\/[0-9a-f-]{36}\/stores$/,
    effect: {
      tables: ["PartnerOrganization", "Membership", "ActivityLog"],
      writes: [{ table: "PartnerOrganization", op: "INSERT", where: { name: "Matrix Agency", pendingRequestCount: 0 } }, { table: "Membership", op: "INSERT", where: { userId: "{me}", role: "OWNER" } }, logged("organization.created", { actorUserId: "{me}" })],
    },
    cells: "L ok ok ok ok ok ok ok ok ok ok ok ok",
  },
  { route: "stores.new.tsx", method: "GET", path: "/stores/new", shows: ['name="handle"'], cells: "L ok ok ok ok ok ok ok ok ok ok ok ok" },
  {
    route: "stores.new.tsx",
    method: "POST",
    path: "/stores/new",
    prepare: freshEmail,
    form: [["name", "Matrix Store"], ["handle", "{handle}"], ["contactEmail", "{email}"], ["plan", "BASIC"]],
    storedOn: [{ path: "/account" }],
    okLocation: /^\/store\/[0-9a-f-]{36}$/,
    effect: {
      tables: ["Store", "StaffAccount", "ActivityLog"],
      writes: [
        { table: "Store", op: "INSERT", where: { name: "Matrix Store", domain: "{handle}.portier.test", contactEmail: "{email}", plan: "BASIC" } },
        { table: "StaffAccount", op: "INSERT", where: { userId: "{me}", isOwner: true, status: "ACTIVE" } },
        logged("store.created", { actorUserId: "{me}" }),
      ],
    },
    cells: "L ok ok ok ok ok ok ok ok ok ok ok ok",
  },
  // Probes for the load balancer and the supervisor: public, the same for everyone, no session needed.
  { route: "healthz.ts", method: "GET", path: "/healthz", shows: ["ok"], note: "public: liveness", cells: "200 200 200 200 200 200 200 200 200 200 200 200 200" },
  { route: "readyz.ts", method: "GET", path: "/readyz", shows: ["ready"], note: "public: readiness", cells: "200 200 200 200 200 200 200 200 200 200 200 200 200" },
  { route: "dev.mailbox.tsx", method: "GET", path: "/dev/mailbox", note: "development only", cells: "404 404 404 404 404 404 404 404 404 404 404 404 404" },
  { route: "invitations.$token.tsx", method: "GET", path: "/invitations/{token}", prepare: staffInvitation(false), shows: ["{inviteeEmail}"], cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok" },
  {
    route: "invitations.$token.tsx",
    method: "POST",
    intent: "create",
    path: "/invitations/{token}",
    prepare: staffInvitation(false),
    form: [["intent", "create"], ["firstName", "New"], ["lastName", "Staff"], ["password", "a fine passphrase"]],
    okLocation: /^\/store\/[0-9a-f-]{36}$/,
    effect: {
      tables: ["User", "Session", "StaffAccount", "StaffInvitation", "ActivityLog"],
      writes: [
        { table: "User", op: "INSERT", where: { email: "{inviteeEmail}" } },
        { table: "StaffAccount", op: "UPDATE", where: { status: "ACTIVE" } },
        { table: "StaffInvitation", op: "UPDATE" },
        { table: "Session", op: "INSERT" },
        logged("staff.invitation_accepted", { storeId: "{invitationStore}" }),
      ],
      answer: setsSession,
    },
    cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok",
  },
  {
    route: "invitations.$token.tsx",
    method: "POST",
    intent: "accept",
    path: "/invitations/{token}",
    prepare: staffInvitation(true),
    form: [["intent", "accept"]],
    okLocation: /^\/store\/[0-9a-f-]{36}$/,
    note: "each person accepts an invitation sent to their own email",
    effect: {
      tables: ["StaffAccount", "StaffInvitation", "ActivityLog"],
      writes: [{ table: "StaffAccount", op: "UPDATE", where: { status: "ACTIVE", userId: "{me}" } }, { table: "StaffInvitation", op: "UPDATE" }, logged("staff.invitation_accepted", { storeId: "{invitationStore}" })],
    },
    cells: "L ok ok ok ok ok ok ok ok ok ok ok ok",
  },

  // ---- Logins and accounts (issue 13): forgot password, account settings, email change ------------
  { route: "forgot-password.tsx", method: "GET", path: "/forgot-password", shows: ['name="email"'], note: "signed in: to account settings", cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok" },
  {
    route: "forgot-password.tsx",
    method: "POST",
    path: "/forgot-password",
    prepare: forgetfulPerson,
    form: [["email", "{email}"]],
    okLocation: /^\/forgot-password\?sent=1$/,
    effect: {
      tables: ["PasswordReset", "EmailOutbox"],
      writes: [
        { table: "PasswordReset", op: "INSERT", where: { email: "{email}" } },
        { table: "PasswordReset", op: "UPDATE", where: { userId: "{forgetfulUser}" } },
        { table: "EmailOutbox", op: "INSERT", where: { to: "{email}" } },
      ],
    },
    cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok",
  },
  { route: "reset-password.$token.tsx", method: "GET", path: "/reset-password/{token}", prepare: resetLink, shows: ["{resetEmail}"], note: "the link is the key; reading it never uses it", cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok" },
  {
    route: "reset-password.$token.tsx",
    method: "POST",
    path: "/reset-password/{token}",
    prepare: resetLink,
    form: [["newPassword", "a matrix passphrase"], ["confirmPassword", "a matrix passphrase"]],
    okLocation: /^\/login\?reset=done$/,
    effect: {
      tables: ["PasswordReset", "User", "Session", "ActivityLog"],
      writes: [
        // An UPDATE's row holds the columns it changed: the link's usedAt.
        { table: "PasswordReset", op: "UPDATE", where: { usedAt: /^\d{4}-\d{2}-\d{2}T/ } },
        { table: "User", op: "UPDATE", where: { id: "{resetUser}" } },
        logged("user.password_reset", { actorUserId: "{resetUser}", subject: "{resetEmail}" }),
      ],
    },
    cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok",
  },
  { route: "account_.settings.tsx", method: "GET", path: "/account/settings", shows: ["{me.email}", 'name="currentPassword"'], cells: "L ok ok ok ok ok ok ok ok ok ok ok ok" },
  {
    route: "account_.settings.tsx",
    method: "POST",
    intent: "profile",
    path: "/account/settings",
    prepare: restoresMe,
    form: [["intent", "profile"], ["firstName", "Matrix"], ["lastName", "Renamed"], ["locale", "fr"]],
    okLocation: /^\/account\/settings$/,
    effect: {
      tables: ["User", "ActivityLog"],
      writes: [{ table: "User", op: "UPDATE", where: { id: "{me}", firstName: "Matrix", lastName: "Renamed", locale: "fr" } }, logged("user.profile_changed", { actorUserId: "{me}" })],
      toast: "account.settings.profile.saved",
      answer: (sent) => (sent.headers.getSetCookie().some((c) => /^portier_lang=fr/.test(c)) ? null : "no language cookie in the answer"),
    },
    cells: "L ok ok ok ok ok ok ok ok ok ok ok ok",
  },
  {
    route: "account_.settings.tsx",
    method: "POST",
    intent: "password",
    path: "/account/settings",
    prepare: restoresMe,
    form: [["intent", "password"], ["currentPassword", WORLD_PASSWORD], ["newPassword", "a matrix passphrase"], ["confirmPassword", "a matrix passphrase"]],
    okLocation: /^\/account\/settings$/,
    note: "the person's other sessions end (and come back with the undo after the cell)",
    effect: {
      tables: ["User", "LoginAttempt", "Session", "CollaboratorSession", "PasswordReset", "ActivityLog"],
      writes: [{ table: "User", op: "UPDATE", where: { id: "{me}" } }, { table: "LoginAttempt", op: "UPDATE", where: { succeeded: true } }, logged("user.password_changed", { actorUserId: "{me}" })],
      toast: "account.settings.password.changed",
    },
    cells: "L ok ok ok ok ok ok ok ok ok ok ok ok",
  },
  {
    route: "account_.settings.tsx",
    method: "POST",
    intent: "email",
    path: "/account/settings",
    prepare: freshEmail,
    form: [["intent", "email"], ["newEmail", "{email}"], ["currentPassword", WORLD_PASSWORD]],
    okLocation: /^\/account\/settings$/,
    effect: {
      tables: ["EmailChange", "EmailOutbox", "LoginAttempt", "ActivityLog"],
      writes: [
        { table: "EmailChange", op: "INSERT", where: { userId: "{me}", newEmail: "{email}" } },
        { table: "EmailOutbox", op: "INSERT", where: { to: "{email}" } },
        { table: "LoginAttempt", op: "UPDATE", where: { succeeded: true } },
        logged("user.email_change_requested", { actorUserId: "{me}" }),
      ],
      toast: "account.settings.email.sent",
    },
    cells: "L ok ok ok ok ok ok ok ok ok ok ok ok",
  },
  { route: "account_.email.$token.tsx", method: "GET", path: "/account/email/{token}", prepare: emailChangeLink, shows: ["{newEmail}"], note: "the link is the key; reading it never uses it", cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok" },
  {
    route: "account_.email.$token.tsx",
    method: "POST",
    path: "/account/email/{token}",
    prepare: emailChangeLink,
    okLocation: /^\/login\?email=changed$/,
    note: "the link is the key (it went to the new address); each cell confirms another person's change",
    effect: {
      tables: ["EmailChange", "User", "PasswordReset", "EmailOutbox", "ActivityLog"],
      writes: [
        { table: "EmailChange", op: "UPDATE", where: { usedAt: /^\d{4}-\d{2}-\d{2}T/ } },
        { table: "User", op: "UPDATE", where: { id: "{changeUser}", email: "{newEmail}" } },
        { table: "EmailOutbox", op: "INSERT", where: { to: "{oldEmail}" } },
        logged("user.email_changed", { actorUserId: "{changeUser}", subject: "{newEmail}" }),
      ],
    },
    cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok",
  },

  // ---- Partner dashboard (organization A) ---------------------------------------------------------
  { route: "partners.request.tsx", method: "GET", path: "/partners/request?store=maple-goods.portier.test", shows: ["maple-goods.portier.test"], cells: "L ok ok ok ok ok ok ok ok ok ok ok ok" },
  { route: "partners.$orgId.tsx", method: "GET", path: "/partners/{orgA}/stores", shows: ["{orgA.name}"], cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404" },
  { route: "partners.$orgId._index.tsx", method: "GET", path: "/partners/{orgA}", okLocation: /\/stores$/, cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404" },
  { route: "partners.$orgId.stores._index.tsx", method: "GET", path: "/partners/{orgA}/stores?state=all", shows: ["{orgA.name}", "{store.name}"], cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404" },
  {
    route: "partners.$orgId.stores._index.tsx",
    method: "POST",
    intent: "cancel",
    path: "/partners/{orgA}/stores?index",
    prepare: rowOfA("PENDING"),
    form: [["intent", "cancel"], ["id", "{request}"]],
    effect: {
      tables: ["CollaboratorRequest", "CollaboratorAccess", "PartnerOrganization", "Notification", "ActivityLog"],
      toast: "partner.stores.toast.cancelled",
      writes: [
        { table: "CollaboratorRequest", op: "UPDATE", where: { id: "{request}", status: "CANCELLED", cancelledById: "{me}" } },
        { table: "CollaboratorAccess", op: "UPDATE", where: { id: "{access}", state: "CANCELLED" } },
        { table: "PartnerOrganization", op: "UPDATE", where: { id: "{orgA}", pendingRequestCount: 0 } },
        { table: "Notification", op: "INSERT", where: { storeId: "{rowStore}", kind: "collaborator_request.cancelled" } },
        loggedOnA("collaborator_request.cancelled", { storeId: "{rowStore}" }),
      ],
    },
    cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404",
  },
  {
    route: "partners.$orgId.stores._index.tsx",
    method: "POST",
    intent: "login",
    path: "/partners/{orgA}/stores?index",
    prepare: rowOfA("MANAGED"),
    form: [["intent", "login"], ["id", "{access}"]],
    okLocation: /^\/store\/[0-9a-f-]{36}$/,
    effect: {
      tables: ["CollaboratorSession", "ActivityLog"],
      writes: [{ table: "CollaboratorSession", op: "INSERT", where: { accessId: "{access}", userId: "{me}" } }, loggedOnA("collaborator_access.logged_in", { storeId: "{rowStore}" })],
    },
    cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404",
  },
  {
    route: "partners.$orgId.stores._index.tsx",
    method: "POST",
    intent: "removeAccess",
    path: "/partners/{orgA}/stores?index",
    prepare: rowOfA("MANAGED"),
    form: [["intent", "removeAccess"], ["id", "{access}"]],
    effect: {
      tables: ["CollaboratorAccess", "CollaboratorSession", "Notification", "EmailOutbox", "ActivityLog"],
      toast: "partner.stores.toast.removed",
      writes: [
        { table: "CollaboratorAccess", op: "UPDATE", where: { id: "{access}", state: "REMOVED", permissions: [] } },
        { table: "Notification", op: "INSERT", where: { storeId: "{rowStore}", kind: "collaborator_access.removed_by_partner" } },
        loggedOnA("collaborator_access.removed", { storeId: "{rowStore}" }),
      ],
    },
    cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404",
  },
  {
    route: "partners.$orgId.stores._index.tsx",
    method: "POST",
    intent: "removeFromList",
    path: "/partners/{orgA}/stores?index",
    prepare: rowOfA("REMOVED"),
    form: [["intent", "removeFromList"], ["id", "{access}"]],
    effect: {
      tables: ["CollaboratorAccess", "ActivityLog"],
      toast: "partner.stores.toast.removedFromList",
      writes: [{ table: "CollaboratorAccess", op: "UPDATE", where: { id: "{access}", listed: false } }, loggedOnA("collaborator_access.removed_from_list", { storeId: "{rowStore}" })],
    },
    cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404",
  },
  {
    route: "partners.$orgId.stores._index.tsx",
    method: "POST",
    intent: "dismiss",
    path: "/partners/{orgA}/stores?index",
    prepare: rowOfA("DECLINED"),
    form: [["intent", "dismiss"], ["id", "{access}"]],
    effect: {
      tables: ["CollaboratorAccess", "ActivityLog"],
      toast: "partner.stores.toast.dismissed",
      writes: [{ table: "CollaboratorAccess", op: "UPDATE", where: { id: "{access}", listed: false } }, loggedOnA("collaborator_access.removed_from_list", { storeId: "{rowStore}" })],
    },
    cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404",
  },
  { route: "partners.$orgId.stores.request.tsx", method: "GET", path: "/partners/{orgA}/stores/request", shows: ["{orgA.name}", 'name="storeUrl"'], cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404" },
  {
    route: "partners.$orgId.stores.request.tsx",
    method: "POST",
    path: "/partners/{orgA}/stores/request",
    prepare: requestableStore,
    form: [["storeUrl", "{storeUrl}"], ["code", "{code}"], ["perm.orders", "view"], ["perm.home", "view"], ["message", "Hello from the matrix"]],
    storedOn: [{ path: "/store/{requestStore}/users/requests", token: "{requestStoreOwner}" }, { path: "/store/{requestStore}", token: "{requestStoreOwner}" }],
    okLocation: /^\/partners\/[0-9a-f-]{36}\/stores$/,
    effect: {
      tables: ["CollaboratorRequest", "CollaboratorAccess", "PartnerOrganization", "Notification", "EmailOutbox", "ActivityLog"],
      toast: "partner.stores.toast.requested",
      writes: [
        {
          table: "CollaboratorRequest",
          op: "INSERT",
          where: { organizationId: "{orgA}", storeId: "{requestStore}", requestedById: "{me}", status: "PENDING", permissions: ["home_view", "orders_view"], message: "Hello from the matrix" },
        },
        { table: "CollaboratorAccess", op: "INSERT", where: { organizationId: "{orgA}", storeId: "{requestStore}", state: "PENDING" } },
        { table: "PartnerOrganization", op: "UPDATE", where: { id: "{orgA}", pendingRequestCount: 1 } },
        { table: "Notification", op: "INSERT", where: { storeId: "{requestStore}", kind: "collaborator_request.created" } },
        { table: "EmailOutbox", op: "INSERT" },
        loggedOnA("collaborator_request.created", { storeId: "{requestStore}" }),
      ],
    },
    cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404",
  },
  // ---- feature-logs: the Stores page's bulk removal and CSV export ------------------------------------
  {
    route: "partners.$orgId.stores._index.tsx",
    method: "POST",
    intent: "removeAccesses",
    path: "/partners/{orgA}/stores?index",
    prepare: rowOfA("MANAGED"),
    form: [["intent", "removeAccesses"], ["ids", "{access}"]],
    effect: {
      tables: ["CollaboratorAccess", "CollaboratorSession", "Notification", "EmailOutbox", "ActivityLog"],
      toast: "logs.bulk.toast.removed",
      writes: [
        { table: "CollaboratorAccess", op: "UPDATE", where: { id: "{access}", state: "REMOVED", permissions: [] } },
        { table: "Notification", op: "INSERT", where: { storeId: "{rowStore}", kind: "collaborator_access.removed_by_partner" } },
        loggedOnA("collaborator_access.removed", { storeId: "{rowStore}" }),
      ],
    },
    cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404",
  },
  { route: "partners.$orgId.stores[.]csv.tsx", method: "GET", path: "/partners/{orgA}/stores.csv", okLocation: /\/partners\/[0-9a-f-]{36}\/stores$/, cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404" },
  {
    route: "partners.$orgId.stores[.]csv.tsx",
    method: "POST",
    path: "/partners/{orgA}/stores.csv",
    form: [],
    effect: { tables: ["ActivityLog"], writes: [loggedOnA("organization.stores_exported")], answer: isCsv },
    cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404",
  },
  // ---- end feature-logs (Stores) -----------------------------------------------------------------------
  { route: "partners.$orgId.activity.tsx", method: "GET", path: "/partners/{orgA}/activity", shows: ["{orgA.name}"], cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404" },
  // ---- feature-logs: the organization's log filters (person list) and CSV export --------------------
  { route: "partners.$orgId.activity.people.ts", method: "GET", path: "/partners/{orgA}/activity/people", shows: ['"people"'], cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404" },
  { route: "partners.$orgId.activity[.]csv.tsx", method: "GET", path: "/partners/{orgA}/activity.csv", okLocation: /\/partners\/[0-9a-f-]{36}\/activity$/, cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404" },
  {
    route: "partners.$orgId.activity[.]csv.tsx",
    method: "POST",
    path: "/partners/{orgA}/activity.csv",
    form: [],
    effect: { tables: ["ActivityLog"], writes: [loggedOnA("activity.exported")], answer: isCsv },
    cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404",
  },
  // ---- end feature-logs ------------------------------------------------------------------------------
  { route: "partners.$orgId.members.tsx", method: "GET", path: "/partners/{orgA}/members", shows: ["{label.partnerA}"], cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404" },
  {
    route: "partners.$orgId.members.tsx",
    method: "POST",
    intent: "invite",
    path: "/partners/{orgA}/members",
    prepare: emailForOrgInvite,
    form: [["intent", "invite"], ["email", "{email}"]],
    note: "only the organization's owners manage members (cView is a plain member)",
    effect: {
      tables: ["OrganizationInvitation", "EmailOutbox", "ActivityLog"],
      toast: "members.toast.invited",
      writes: [{ table: "OrganizationInvitation", op: "INSERT", where: { organizationId: "{orgA}", email: "{email}", invitedById: "{me}" } }, { table: "EmailOutbox", op: "INSERT", where: { to: "{email}" } }, loggedOnA("organization.member_invited", { subject: "{email}" })],
    },
    cells: "L ok 404 403 404 404 404 404 404 404 404 404 404",
  },
  {
    route: "partners.$orgId.members.tsx",
    method: "POST",
    intent: "remove",
    path: "/partners/{orgA}/members",
    prepare: memberOfA,
    form: [["intent", "remove"], ["id", "{membership}"]],
    effect: {
      tables: ["Membership", "ActivityLog"],
      toast: "members.toast.removed",
      writes: [{ table: "Membership", op: "DELETE", where: { id: "{membership}", userId: "{memberUser}" } }, loggedOnA("organization.member_removed")],
    },
    cells: "L ok 404 403 404 404 404 404 404 404 404 404 404",
  },
  {
    route: "partners.$orgId.members.tsx",
    method: "POST",
    intent: "cancelInvitation",
    path: "/partners/{orgA}/members",
    prepare: invitationOfA,
    form: [["intent", "cancelInvitation"], ["id", "{invitation}"]],
    effect: {
      tables: ["OrganizationInvitation", "ActivityLog"],
      toast: "members.toast.invitationCancelled",
      writes: [{ table: "OrganizationInvitation", op: "DELETE", where: { id: "{invitation}" } }, loggedOnA("organization.invitation_cancelled")],
    },
    cells: "L ok 404 403 404 404 404 404 404 404 404 404 404",
  },

  // ---- Store admin of S: frame and Home ----------------------------------------------------------
  { route: "store.$storeId.tsx", method: "GET", path: "/store/{store}", section: "home", shows: ["{store.name}"], cells: "L 404 404 ok ok ok ok ok ok 403 403 ok 404" },
  { route: "store.$storeId._index.tsx", method: "GET", path: "/store/{store}", section: "home", shows: ["{store.name}"], note: "everyone in the store lands here; without home it is a welcome", cells: "L 404 404 ok ok ok ok ok ok 403 403 ok 404" },
  {
    route: "store.$storeId._index.tsx",
    method: "POST",
    intent: "markAllRead",
    path: "/store/{store}?index",
    section: "home",
    form: [["intent", "markAllRead"]],
    effect: { tables: ["Notification"], toast: "store.toast.notificationsRead", writes: [{ table: "Notification", op: "UPDATE", where: { id: "{s.notification}", readAt: /^\d{4}-/ } }] },
    cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404",
  },
  {
    route: "store.$storeId._index.tsx",
    method: "POST",
    intent: "markRead",
    path: "/store/{store}?index",
    section: "home",
    form: [["intent", "markRead"], ["notificationId", "{s.notification}"]],
    note: "the row changes, which says enough: no toast",
    effect: { tables: ["Notification"], writes: [{ table: "Notification", op: "UPDATE", where: { id: "{s.notification}", readAt: /^\d{4}-/ } }] },
    cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404",
  },
  { route: "store.$storeId.activity.people.ts", method: "GET", path: "/store/{store}/activity/people", section: "home", shows: ["{people.owner.email}"], cells: "L 404 404 ok ok 403 ok ok 403 403 403 ok 404" },
  { route: "store.$storeId.activity[.]csv.tsx", method: "GET", path: "/store/{store}/activity.csv", section: "home", okLocation: /\/store\/[0-9a-f-]{36}$/, cells: "L 404 404 ok ok 403 ok ok 403 403 403 ok 404" },
  {
    route: "store.$storeId.activity[.]csv.tsx",
    method: "POST",
    path: "/store/{store}/activity.csv",
    section: "home",
    form: [],
    effect: { tables: ["ActivityLog"], writes: [loggedOnS("activity.exported")], answer: isCsv },
    cells: "L 404 404 ok ok 403 ok ok 403 403 403 ok 404",
  },

  // ---- Orders -------------------------------------------------------------------------------------
  { route: "store.$storeId.orders._index.tsx", method: "GET", path: "/store/{store}/orders", section: "orders", shows: ["{label.order}", "{s.order}"], cells: "L 404 404 ok ok 403 ok ok 403 403 403 ok 404" },
  { route: "store.$storeId.orders.$orderId.tsx", method: "GET", path: "/store/{store}/orders/{s.order}", section: "orders", shows: ["{label.order}"], cells: "L 404 404 ok ok 403 ok ok 403 403 403 ok 404" },
  {
    route: "store.$storeId.orders.$orderId.tsx",
    method: "POST",
    intent: "status",
    path: "/store/{store}/orders/{order}",
    section: "orders",
    prepare: orderOnS,
    form: [["intent", "status"], ["status", "FULFILLED"], ["from", "OPEN"]],
    effect: { tables: ["Order", "ActivityLog"], toast: "sections.toast.orderStatusChanged", writes: [{ table: "Order", op: "UPDATE", where: { id: "{order}", status: "FULFILLED" } }, loggedOnS("order.status_changed")] },
    cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404",
  },
  {
    route: "store.$storeId.orders.$orderId.tsx",
    method: "POST",
    intent: "note",
    path: "/store/{store}/orders/{order}",
    section: "orders",
    prepare: orderOnS,
    form: [["intent", "note"], ["note", "Gift wrap, please"]],
    effect: { tables: ["Order", "ActivityLog"], toast: "sections.toast.orderNoteAdded", writes: [{ table: "Order", op: "UPDATE", where: { id: "{order}", note: /\nGift wrap, please$/ } }, loggedOnS("order.note_added")] },
    cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404",
  },

  // ---- Products -----------------------------------------------------------------------------------
  { route: "store.$storeId.products._index.tsx", method: "GET", path: "/store/{store}/products", section: "products", shows: ["{label.product}"], cells: "L 404 404 ok ok 403 ok ok 403 403 403 ok 404" },
  { route: "store.$storeId.products.new.tsx", method: "GET", path: "/store/{store}/products/new", section: "products", shows: ['name="title"'], cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404" },
  {
    route: "store.$storeId.products.new.tsx",
    method: "POST",
    path: "/store/{store}/products/new",
    section: "products",
    form: [["title", "Matrix mug"], ["description", "Blue"], ["price", "12.50"], ["inventory", "3"], ["sku", "MX-1"], ["status", "ACTIVE"]],
    storedOn: [{ path: "/store/{store}/products" }],
    effect: {
      tables: ["Product", "ActivityLog"],
      toast: "sections.toast.productCreated",
      writes: [{ table: "Product", op: "INSERT", where: { storeId: "{store}", title: "Matrix mug", description: "Blue", priceCents: 1250, inventory: 3, sku: "MX-1", status: "ACTIVE" } }, loggedOnS("product.created")],
    },
    cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404",
  },
  { route: "store.$storeId.products.$productId.tsx", method: "GET", path: "/store/{store}/products/{s.product}", section: "products", shows: ["{label.product}"], cells: "L 404 404 ok ok 403 ok ok 403 403 403 ok 404" },
  {
    route: "store.$storeId.products.$productId.tsx",
    method: "POST",
    intent: "save",
    path: "/store/{store}/products/{product}",
    section: "products",
    prepare: productOnS,
    form: [["intent", "save"], ["title", "Renamed mug"], ["description", ""], ["price", "9.90"], ["inventory", "1"], ["sku", ""], ["status", "DRAFT"], ["version", "{version}"]],
    storedOn: [{ path: "/store/{store}/products" }],
    effect: {
      tables: ["Product", "ActivityLog"],
      toast: "sections.toast.productSaved",
      writes: [{ table: "Product", op: "UPDATE", where: { id: "{product}", title: "Renamed mug", priceCents: 990, inventory: 1, status: "DRAFT" } }, loggedOnS("product.updated")],
    },
    cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404",
  },
  {
    route: "store.$storeId.products.$productId.tsx",
    method: "POST",
    intent: "archive",
    path: "/store/{store}/products/{product}",
    section: "products",
    prepare: productOnS,
    form: [["intent", "archive"]],
    effect: { tables: ["Product", "ActivityLog"], toast: "sections.toast.productArchived", writes: [{ table: "Product", op: "UPDATE", where: { id: "{product}", status: "ARCHIVED" } }, loggedOnS("product.archived")] },
    cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404",
  },

  // ---- Customers ----------------------------------------------------------------------------------
  { route: "store.$storeId.customers._index.tsx", method: "GET", path: "/store/{store}/customers", section: "customers", shows: ["{label.customer}"], cells: "L 404 404 ok ok 403 ok ok 403 403 403 ok 404" },
  { route: "store.$storeId.customers.new.tsx", method: "GET", path: "/store/{store}/customers/new", section: "customers", shows: ['name="firstName"'], cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404" },
  {
    route: "store.$storeId.customers.new.tsx",
    method: "POST",
    path: "/store/{store}/customers/new",
    section: "customers",
    prepare: freshEmail,
    form: [["firstName", "Cora"], ["lastName", "Matrix"], ["email", "{email}"], ["phone", ""], ["company", ""], ["city", "Lyon"], ["country", "FR"], ["note", ""], ["acceptsMarketing", "false"]],
    storedOn: [{ path: "/store/{store}/customers" }],
    effect: {
      tables: ["Customer", "ActivityLog"],
      toast: "sections.toast.customerCreated",
      writes: [{ table: "Customer", op: "INSERT", where: { storeId: "{store}", firstName: "Cora", lastName: "Matrix", email: "{email}", city: "Lyon", country: "FR", acceptsMarketing: false } }, loggedOnS("customer.created")],
    },
    cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404",
  },
  { route: "store.$storeId.customers.$customerId.tsx", method: "GET", path: "/store/{store}/customers/{s.customer}", section: "customers", shows: ["{label.customer}"], cells: "L 404 404 ok ok 403 ok ok 403 403 403 ok 404" },
  {
    route: "store.$storeId.customers.$customerId.tsx",
    method: "POST",
    intent: "save",
    path: "/store/{store}/customers/{customer}",
    section: "customers",
    prepare: async (ctx) => ({ vars: { ...(await customerOnS(ctx)).vars, ...(await freshEmail()).vars } }),
    form: [["intent", "save"], ["firstName", "Cora"], ["lastName", "Edited"], ["email", "{email}"], ["city", "Paris"], ["acceptsMarketing", "true"]],
    storedOn: [{ path: "/store/{store}/customers" }],
    effect: {
      tables: ["Customer", "ActivityLog"],
      toast: "sections.toast.customerSaved",
      writes: [{ table: "Customer", op: "UPDATE", where: { id: "{customer}", lastName: "Edited", email: "{email}", city: "Paris", acceptsMarketing: true } }, loggedOnS("customer.updated")],
    },
    cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404",
  },
  {
    route: "store.$storeId.customers.$customerId.tsx",
    method: "POST",
    intent: "delete",
    path: "/store/{store}/customers/{customer}",
    section: "customers",
    prepare: customerOnS,
    form: [["intent", "delete"]],
    effect: { tables: ["Customer", "Order", "ActivityLog"], toast: "sections.toast.customerDeleted", writes: [{ table: "Customer", op: "DELETE", where: { id: "{customer}" } }, loggedOnS("customer.deleted")] },
    cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404",
  },
  { route: "store.$storeId.customers.import.tsx", method: "GET", path: "/store/{store}/customers/import", section: "customers", shows: ['name="file"'], cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404" },
  {
    route: "store.$storeId.customers.import.tsx",
    method: "POST",
    path: "/store/{store}/customers/import",
    section: "customers",
    multipart: true,
    prepare: freshEmail,
    form: [["file", "firstName,lastName,email\nImported,Person,{email}\n"]],
    storedOn: [{ path: "/store/{store}/customers" }],
    effect: {
      tables: ["Customer", "ActivityLog"],
      writes: [{ table: "Customer", op: "INSERT", where: { storeId: "{store}", firstName: "Imported", lastName: "Person", email: "{email}" } }, loggedOnS("customer.imported")],
      answer: (sent) => (sent.status === 200 && sent.body.includes("customers.csv") ? null : "the answer is not the import's report (its file name)"),
    },
    cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404",
  },
  { route: "store.$storeId.customers.export.tsx", method: "GET", path: "/store/{store}/customers/export", section: "customers", okLocation: /\/customers\/import$/, cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404" },
  {
    route: "store.$storeId.customers.export.tsx",
    method: "POST",
    path: "/store/{store}/customers/export",
    section: "customers",
    form: [],
    effect: { tables: ["ActivityLog"], writes: [loggedOnS("customer.exported")], answer: (sent, vars) => isCsv(sent) ?? (sent.body.includes(vars["label.customer"]) ? null : "the file does not list the store's customer") },
    cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404",
  },

  // ---- Settings (details: settings section; the code: the owner's alone) ---------------------------
  { route: "store.$storeId.settings.tsx", method: "GET", path: "/store/{store}/settings", section: "settings", shows: ["{store.domain}"], cells: "L 404 404 ok ok 403 ok ok 403 403 403 ok 404" },
  {
    route: "store.$storeId.settings.tsx",
    method: "POST",
    intent: "details",
    path: "/store/{store}/settings",
    section: "settings",
    prepare: freshEmail,
    form: [["intent", "details"], ["name", "Security Store {handle}"], ["contactEmail", "{email}"], ["address", "1 rue du Test"], ["currency", "EUR"], ["timezone", "Europe/Paris"], ["inactivityDays", "90"]],
    storedOn: [{ path: "/store/{store}" }],
    effect: {
      tables: ["Store", "ActivityLog"],
      toast: "store.toast.detailsSaved",
      writes: [{ table: "Store", op: "UPDATE", where: { id: "{store}", name: "Security Store {handle}", contactEmail: "{email}", address: "1 rue du Test" } }, loggedOnS("store.details_updated")],
    },
    cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404",
  },
  {
    route: "store.$storeId.settings.tsx",
    method: "POST",
    intent: "regenerate",
    path: "/store/{store}/settings",
    section: "settings",
    form: [["intent", "regenerate"]],
    note: "the collaborator request code is the owner's alone",
    effect: { tables: ["Store", "ActivityLog"], toast: "store.toast.codeRegenerated", writes: [{ table: "Store", op: "UPDATE", where: { id: "{store}", collaboratorCode: /^\d{4}$/ } }, loggedOnS("collaborator_code.regenerated")] },
    cells: "L 404 404 403 403 403 403 403 403 403 403 ok 404",
  },
  {
    route: "store.$storeId.settings.tsx",
    method: "POST",
    intent: "requirement",
    path: "/store/{store}/settings",
    section: "settings",
    prepare: restoreCodeRequirement,
    form: [["intent", "requirement"], ["required", "false"]],
    effect: {
      tables: ["Store", "ActivityLog"],
      toast: "store.toast.codeNotRequired",
      writes: [{ table: "Store", op: "UPDATE", where: { id: "{store}", collaboratorCodeRequired: false } }, loggedOnS("collaborator_code.requirement_changed")],
    },
    cells: "L 404 404 403 403 403 403 403 403 403 403 ok 404",
  },

  // ---- Users and permissions (the staff section: never collaborators) ------------------------------
  { route: "store.$storeId.users.tsx", method: "GET", path: "/store/{store}/users/staff", section: "staff", shows: ["{label.staff}"], cells: "L 404 404 403 403 403 ok ok 403 403 403 ok 404" },
  { route: "store.$storeId.users._index.tsx", method: "GET", path: "/store/{store}/users", section: "staff", okLocation: /\/users\/(requests|staff)$/, cells: "L 404 404 403 403 403 ok ok 403 403 403 ok 404" },
  { route: "store.$storeId.users.requests.tsx", method: "GET", path: "/store/{store}/users/requests", section: "staff", shows: ["{label.requester}"], cells: "L 404 404 403 403 403 ok ok 403 403 403 ok 404" },
  {
    route: "store.$storeId.users.requests.tsx",
    method: "POST",
    intent: "approve",
    path: "/store/{store}/users/requests",
    section: "staff",
    prepare: pendingRequestOnS,
    form: [["intent", "approve"], ["requestId", "{request}"], ...PERM("view")],
    effect: {
      tables: ["CollaboratorRequest", "CollaboratorAccess", "PartnerOrganization", "Notification", "EmailOutbox", "ActivityLog"],
      toast: "store.toast.approved",
      writes: [
        { table: "CollaboratorRequest", op: "UPDATE", where: { id: "{request}", status: "APPROVED", decidedById: "{me}", grantedPermissions: ["orders_view"] } },
        { table: "CollaboratorAccess", op: "UPDATE", where: { id: "{access}", state: "MANAGED", permissions: ["orders_view"] } },
        { table: "PartnerOrganization", op: "UPDATE", where: { id: "{requestOrg}", pendingRequestCount: 0 } },
        { table: "EmailOutbox", op: "INSERT" },
        loggedOnS("collaborator_request.approved", { organizationId: "{requestOrg}" }),
      ],
    },
    cells: "L 404 404 403 403 403 403 ok 403 403 403 ok 404",
  },
  {
    route: "store.$storeId.users.requests.tsx",
    method: "POST",
    intent: "decline",
    path: "/store/{store}/users/requests",
    section: "staff",
    prepare: pendingRequestOnS,
    form: [["intent", "decline"], ["requestId", "{request}"]],
    effect: {
      tables: ["CollaboratorRequest", "CollaboratorAccess", "PartnerOrganization", "Notification", "EmailOutbox", "ActivityLog"],
      toast: "store.toast.declined",
      writes: [
        { table: "CollaboratorRequest", op: "UPDATE", where: { id: "{request}", status: "DECLINED", decidedById: "{me}" } },
        { table: "CollaboratorAccess", op: "UPDATE", where: { id: "{access}", state: "DECLINED" } },
        { table: "PartnerOrganization", op: "UPDATE", where: { id: "{requestOrg}", pendingRequestCount: 0 } },
        { table: "EmailOutbox", op: "INSERT" },
        loggedOnS("collaborator_request.declined", { organizationId: "{requestOrg}" }),
      ],
    },
    cells: "L 404 404 403 403 403 403 ok 403 403 403 ok 404",
  },
  { route: "store.$storeId.users.collaborators.tsx", method: "GET", path: "/store/{store}/users/collaborators", section: "staff", shows: ["{orgA.name}"], cells: "L 404 404 403 403 403 ok ok 403 403 403 ok 404" },
  ...(["permissions", "remove", "suspend", "resume"] as const).map(
    (intent): MatrixRow => ({
      route: "store.$storeId.users.collaborators.tsx",
      method: "POST",
      intent,
      path: "/store/{store}/users/collaborators",
      section: "staff",
      prepare: accessOnS(intent === "resume" ? "SUSPENDED" : "MANAGED"),
      form: [["intent", intent], ["accessId", "{access}"], ...(intent === "permissions" ? PERM("manage") : [])],
      effect: {
        tables: ["CollaboratorAccess", "CollaboratorSession", "Notification", "EmailOutbox", "ActivityLog"],
        toast: intent === "permissions" ? "store.toast.permissionsSaved" : { remove: "store.toast.collaboratorRemoved", suspend: "store.toast.collaboratorSuspended", resume: "store.toast.collaboratorResumed" }[intent],
        writes: [
          {
            table: "CollaboratorAccess",
            op: "UPDATE",
            where: { id: "{access}", ...{ permissions: { permissions: ["orders_manage"] }, remove: { state: "REMOVED", permissions: [] }, suspend: { state: "SUSPENDED" }, resume: { state: "MANAGED" } }[intent] },
          },
          loggedOnS({ permissions: "collaborator_access.permissions_changed", remove: "collaborator_access.removed", suspend: "collaborator_access.suspended", resume: "collaborator_access.resumed" }[intent], { organizationId: "{accessOrg}" }),
        ],
      },
      cells: "L 404 404 403 403 403 403 ok 403 403 403 ok 404",
    }),
  ),
  { route: "store.$storeId.users.staff._index.tsx", method: "GET", path: "/store/{store}/users/staff", section: "staff", shows: ["{label.staff}"], cells: "L 404 404 403 403 403 ok ok 403 403 403 ok 404" },
  { route: "store.$storeId.users.staff.new.tsx", method: "GET", path: "/store/{store}/users/staff/new", section: "staff", shows: ['name="email"'], cells: "L 404 404 403 403 403 403 ok 403 403 403 ok 404" },
  {
    route: "store.$storeId.users.staff.new.tsx",
    method: "POST",
    path: "/store/{store}/users/staff/new",
    section: "staff",
    prepare: inviteeForS,
    form: [["email", "{email}"], ["firstName", "Nina"], ["lastName", "New"], ...PERM("view")],
    storedOn: [{ path: "/store/{store}" }],
    effect: {
      tables: ["StaffAccount", "StaffInvitation", "EmailOutbox", "ActivityLog"],
      toast: "store.toast.invited",
      writes: [
        { table: "StaffAccount", op: "INSERT", where: { storeId: "{store}", email: "{email}", firstName: "Nina", lastName: "New", status: "INVITED", isOwner: false, userId: null, permissions: ["orders_view"] } },
        { table: "StaffInvitation", op: "INSERT" },
        { table: "EmailOutbox", op: "INSERT", where: { to: "{email}" } },
        loggedOnS("staff.invited", { subject: "{email}" }),
      ],
    },
    cells: "L 404 404 403 403 403 403 ok 403 403 403 ok 404",
  },
  { route: "store.$storeId.users.staff.$staffId.tsx", method: "GET", path: "/store/{store}/users/staff/{s.staff}", section: "staff", shows: ["{label.staff}"], cells: "L 404 404 403 403 403 ok ok 403 403 403 ok 404" },
  ...(["permissions", "lock", "unlock", "archive", "unarchive", "remove"] as const).map(
    (intent): MatrixRow => ({
      route: "store.$storeId.users.staff.$staffId.tsx",
      method: "POST",
      intent,
      path: "/store/{store}/users/staff/{staff}",
      section: "staff",
      prepare: staffOnS(intent === "unlock" ? "LOCKED" : intent === "unarchive" ? "ARCHIVED" : "ACTIVE"),
      form: [["intent", intent], ...(intent === "permissions" ? PERM("manage") : [])],
      effect: {
        tables: ["StaffAccount", "StaffInvitation", "Session", "CollaboratorSession", "ActivityLog"],
        toast: { permissions: "store.toast.permissionsSaved", lock: "store.toast.staffLocked", unlock: "store.toast.staffUnlocked", archive: "store.toast.staffArchived", unarchive: "store.toast.staffUnarchived", remove: "store.toast.staffRemoved" }[intent],
        writes: [
          intent === "remove"
            ? { table: "StaffAccount", op: "DELETE", where: { id: "{staff}" } }
            : {
                table: "StaffAccount",
                op: "UPDATE",
                where: { id: "{staff}", ...{ permissions: { permissions: ["orders_manage"] }, lock: { status: "LOCKED" }, unlock: { status: "ACTIVE" }, archive: { status: "ARCHIVED" }, unarchive: { status: "ACTIVE" } }[intent] },
              },
          loggedOnS({ permissions: "staff.permissions_changed", lock: "staff.locked", unlock: "staff.unlocked", archive: "staff.archived", unarchive: "staff.unarchived", remove: "staff.removed" }[intent], { subject: "{staffEmail}" }),
        ],
      },
      cells: "L 404 404 403 403 403 403 ok 403 403 403 ok 404",
    }),
  ),
  // ---- Collaborator access over time (feature-expiry): the End date dialog on Collaborators -------
  {
    route: "store.$storeId.users.collaborators.tsx",
    method: "POST",
    intent: "endDate",
    path: "/store/{store}/users/collaborators",
    section: "staff",
    prepare: accessOnS("MANAGED"),
    form: [["intent", "endDate"], ["accessId", "{access}"], ["endsOn", END_DAY]],
    effect: {
      tables: ["CollaboratorAccess", "ActivityLog"],
      toast: "expiry.toast.set",
      writes: [{ table: "CollaboratorAccess", op: "UPDATE", where: { id: "{access}" } }, loggedOnS("collaborator_access.end_date_set", { organizationId: "{accessOrg}" })],
    },
    cells: "L 404 404 403 403 403 403 ok 403 403 403 ok 404",
  },
  // ---- feature-logs: a staff member's name; an open invitation sent again or revoked ------------------
  {
    route: "store.$storeId.users.staff.$staffId.tsx",
    method: "POST",
    intent: "rename",
    path: "/store/{store}/users/staff/{staff}",
    section: "staff",
    prepare: staffOnS("ACTIVE"),
    form: [["intent", "rename"], ["firstName", "Renamed"], ["lastName", "Person"]],
    effect: {
      tables: ["StaffAccount", "Session", "ActivityLog"],
      toast: "logs.staff.toast.renamed",
      writes: [{ table: "StaffAccount", op: "UPDATE", where: { id: "{staff}", firstName: "Renamed", lastName: "Person" } }, loggedOnS("staff.renamed", { subject: "{staffEmail}" })],
    },
    cells: "L 404 404 403 403 403 403 ok 403 403 403 ok 404",
  },
  {
    route: "store.$storeId.users.staff.$staffId.tsx",
    method: "POST",
    intent: "resend",
    path: "/store/{store}/users/staff/{staff}",
    section: "staff",
    prepare: invitedOnS,
    form: [["intent", "resend"]],
    effect: {
      tables: ["StaffInvitation", "EmailOutbox", "Session", "ActivityLog"],
      toast: "logs.staff.toast.resent",
      writes: [{ table: "StaffInvitation", op: "UPDATE", where: { tokenHash: /^[0-9a-f]{20,}$/ } }, { table: "EmailOutbox", op: "INSERT", where: { to: "{staffEmail}" } }, loggedOnS("staff.invitation_resent", { subject: "{staffEmail}" })],
    },
    cells: "L 404 404 403 403 403 403 ok 403 403 403 ok 404",
  },
  {
    route: "store.$storeId.users.staff.$staffId.tsx",
    method: "POST",
    intent: "revoke",
    path: "/store/{store}/users/staff/{staff}",
    section: "staff",
    prepare: invitedOnS,
    form: [["intent", "revoke"]],
    effect: {
      tables: ["StaffAccount", "StaffInvitation", "EmailOutbox", "Session", "ActivityLog"],
      toast: "logs.staff.toast.revoked",
      writes: [{ table: "StaffAccount", op: "DELETE", where: { id: "{staff}" } }, { table: "EmailOutbox", op: "INSERT", where: { to: "{staffEmail}" } }, loggedOnS("staff.invitation_revoked", { subject: "{staffEmail}" })],
    },
    cells: "L 404 404 403 403 403 403 ok 403 403 403 ok 404",
  },
  // ---- end feature-logs (staff) ------------------------------------------------------------------------
];

// Cross-tenant cases: a record of another store or another organization, named in the URL or in a form
// field, by someone who is allowed on their own side. Each must be refused and change nothing.
export interface CrossTenantRow {
  name: string;
  route: string;
  method: "GET" | "POST";
  path: string;
  actor: Column;
  form?: [string, string][];
  expect: number;
  knownBug?: KnownBug;
}

export const CROSS_TENANT: CrossTenantRow[] = [
  // Another store's records through S's URLs (the owner of S asking).
  { name: "T's order under S's URL", route: "store.$storeId.orders.$orderId.tsx", method: "GET", path: "/store/{store}/orders/{foreign.order}", actor: "owner", expect: 404 },
  { name: "T's product under S's URL", route: "store.$storeId.products.$productId.tsx", method: "GET", path: "/store/{store}/products/{foreign.product}", actor: "owner", expect: 404 },
  { name: "T's customer under S's URL", route: "store.$storeId.customers.$customerId.tsx", method: "GET", path: "/store/{store}/customers/{foreign.customer}", actor: "owner", expect: 404 },
  { name: "T's staff account under S's URL", route: "store.$storeId.users.staff.$staffId.tsx", method: "GET", path: "/store/{store}/users/staff/{foreign.staff}", actor: "owner", expect: 404 },
  { name: "change T's order status from S", route: "store.$storeId.orders.$orderId.tsx", method: "POST", path: "/store/{store}/orders/{foreign.order}", actor: "owner", form: [["intent", "status"], ["status", "CANCELLED"], ["from", "OPEN"]], expect: 404 },
  { name: "note on T's order from S", route: "store.$storeId.orders.$orderId.tsx", method: "POST", path: "/store/{store}/orders/{foreign.order}", actor: "owner", form: [["intent", "note"], ["note", "x"]], expect: 404 },
  { name: "edit T's product from S", route: "store.$storeId.products.$productId.tsx", method: "POST", path: "/store/{store}/products/{foreign.product}", actor: "owner", form: [["intent", "save"], ["title", "Hijacked"], ["price", "1.00"], ["status", "ACTIVE"]], expect: 404 },
  { name: "archive T's product from S", route: "store.$storeId.products.$productId.tsx", method: "POST", path: "/store/{store}/products/{foreign.product}", actor: "owner", form: [["intent", "archive"]], expect: 404 },
  { name: "edit T's customer from S", route: "store.$storeId.customers.$customerId.tsx", method: "POST", path: "/store/{store}/customers/{foreign.customer}", actor: "owner", form: [["intent", "save"], ["firstName", "X"], ["lastName", "Y"], ["email", "x@example.test"]], expect: 404 },
  { name: "delete T's customer from S", route: "store.$storeId.customers.$customerId.tsx", method: "POST", path: "/store/{store}/customers/{foreign.customer}", actor: "owner", form: [["intent", "delete"]], expect: 404 },
  { name: "lock T's staff from S", route: "store.$storeId.users.staff.$staffId.tsx", method: "POST", path: "/store/{store}/users/staff/{foreign.staff}", actor: "owner", form: [["intent", "lock"]], expect: 404 },
  { name: "change T's staff permissions from S", route: "store.$storeId.users.staff.$staffId.tsx", method: "POST", path: "/store/{store}/users/staff/{foreign.staff}", actor: "owner", form: [["intent", "permissions"], ["perm.staff", "manage"]], expect: 404 },
  { name: "approve a request made to T, from S", route: "store.$storeId.users.requests.tsx", method: "POST", path: "/store/{store}/users/requests", actor: "owner", form: [["intent", "approve"], ["requestId", "{foreign.request}"], ["perm.orders", "manage"]], expect: 404 },
  { name: "decline a request made to T, from S", route: "store.$storeId.users.requests.tsx", method: "POST", path: "/store/{store}/users/requests", actor: "owner", form: [["intent", "decline"], ["requestId", "{foreign.request}"]], expect: 404 },
  ...(["permissions", "remove", "suspend"] as const).map(
    (intent): CrossTenantRow => ({
      name: `${intent} B's collaborator access on another store, from S`,
      route: "store.$storeId.users.collaborators.tsx",
      method: "POST",
      path: "/store/{store}/users/collaborators",
      actor: "owner",
      form: [["intent", intent], ["accessId", "{foreign.access}"], ["perm.orders", "manage"]],
      expect: 404,
    }),
  ),
  { name: "mark T's notification read from S", route: "store.$storeId._index.tsx", method: "POST", path: "/store/{store}?index", actor: "owner", form: [["intent", "markRead"], ["notificationId", "{foreign.notification}"]], expect: 302 },
  // S's records through T's URL: the owner of S is nobody on T.
  { name: "S's order under T's URL", route: "store.$storeId.orders.$orderId.tsx", method: "GET", path: "/store/{otherStore}/orders/{s.order}", actor: "owner", expect: 404 },
  // Another organization's requests and accesses from A's dashboard (partner of A asking).
  { name: "cancel B's request from A's dashboard", route: "partners.$orgId.stores._index.tsx", method: "POST", path: "/partners/{orgA}/stores?index", actor: "pOwn", form: [["intent", "cancel"], ["id", "{foreign.request}"]], expect: 404 },
  { name: "log in through B's access from A's dashboard", route: "partners.$orgId.stores._index.tsx", method: "POST", path: "/partners/{orgA}/stores?index", actor: "pOwn", form: [["intent", "login"], ["id", "{foreign.access}"]], expect: 404 },
  { name: "remove B's access from A's dashboard", route: "partners.$orgId.stores._index.tsx", method: "POST", path: "/partners/{orgA}/stores?index", actor: "pOwn", form: [["intent", "removeAccess"], ["id", "{foreign.access}"]], expect: 404 },
  { name: "remove B's row from A's list", route: "partners.$orgId.stores._index.tsx", method: "POST", path: "/partners/{orgA}/stores?index", actor: "pOwn", form: [["intent", "removeFromList"], ["id", "{foreign.access}"]], expect: 404 },
  { name: "B's dashboard by a partner of A", route: "partners.$orgId.stores._index.tsx", method: "GET", path: "/partners/{orgB}/stores", actor: "pOwn", expect: 404 },
  { name: "B's activity by a partner of A", route: "partners.$orgId.activity.tsx", method: "GET", path: "/partners/{orgB}/activity", actor: "pOwn", expect: 404 },
  { name: "request access in B's name", route: "partners.$orgId.stores.request.tsx", method: "POST", path: "/partners/{orgB}/stores/request", actor: "pOwn", form: [["storeUrl", "{otherStore.domain}"], ["code", "0000"], ["perm.orders", "view"]], expect: 404 },
  { name: "remove a member of B from A's members page", route: "partners.$orgId.members.tsx", method: "POST", path: "/partners/{orgA}/members", actor: "pOwn", form: [["intent", "remove"], ["id", "{foreign.membership}"]], expect: 404 },
  // A collaborator of S, inside S, with another store's ids.
  { name: "a collaborator of S opens T's order", route: "store.$storeId.orders.$orderId.tsx", method: "GET", path: "/store/{otherStore}/orders/{foreign.order}", actor: "cManage", expect: 404 },
  { name: "a collaborator of S edits T's product under S", route: "store.$storeId.products.$productId.tsx", method: "POST", path: "/store/{store}/products/{foreign.product}", actor: "cManage", form: [["intent", "save"], ["title", "Hijacked"], ["price", "1.00"], ["status", "ACTIVE"]], expect: 404 },
  // Someone else's staff invitation, accepted while signed in as another person.
  { name: "accept a staff invitation sent to someone else", route: "invitations.$token.tsx", method: "POST", path: "/invitations/{foreign.invitationToken}", actor: "pOwn", form: [["intent", "accept"]], expect: 403 },
  // ---- Collaborator access over time (feature-expiry) -------------------------------------------
  { name: "set the end date of B's access on another store, from S", route: "store.$storeId.users.collaborators.tsx", method: "POST", path: "/store/{store}/users/collaborators", actor: "owner", form: [["intent", "endDate"], ["accessId", "{foreign.access}"], ["endsOn", END_DAY]], expect: 404 },
];

/** Which person stands in each column, for a route of the given section. */
export function personFor(column: Column, section: Section | undefined): PersonKey | null {
  const home = section === "home";
  const map = {
    anon: null,
    pOwn: "partnerA",
    pOther: "partnerB",
    cView: "collabView",
    cManage: "collabManage",
    cNone: home ? "collabOrdersOnly" : "collabHomeOnly",
    sView: "staffView",
    sManage: "staffManage",
    sNone: home ? "staffOrdersOnly" : "staffHomeOnly",
    sLocked: "staffLocked",
    sArch: "staffArchived",
    owner: "owner",
    oOther: "otherOwner",
  } as const;
  return map[column];
}
