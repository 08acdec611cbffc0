// THE AUTHORIZATION MATRIX (issue 5): every route of app/routes, its loader and each of its actions, against
// every kind of actor. tests/security/matrix.test.ts walks it over HTTP against the production build and
// fails on any cell that differs, and on any route file this table does not list.
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
// Cells: ok = 2xx, or a redirect somewhere other than sign-in (or to `okLocation` when the row gives one)
//        L  = redirect to /login          403 / 404 / 400 / 409 = that status
// A cell whose answer is a known, reported bug carries a `knownBugs` entry: the test then reports it loudly
// and passes, and fails once the bug is fixed so the marker is removed.
import type { Section } from "~/domain/permissions";
import {
  accessOnS,
  customerOnS,
  emailForOrgInvite,
  freshEmail,
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
  knownBugs?: Partial<Record<Column, string>>;
  note?: string;
}

const PERM = (level: "view" | "manage" = "view"): [string, string][] => [["perm.orders", level]];

// Shorthands for the common shapes of store-admin cells, written out in full below so that each row
// reads on its own line. (anon pOwn pOther cView cManage cNone sView sManage sNone sLocked sArch owner oOther)
export const MATRIX: MatrixRow[] = [
  // ---- Sign-in, sign-up, account ------------------------------------------------------------------
  { route: "_index.tsx", method: "GET", path: "/", cells: "L ok ok ok ok ok ok ok ok ok ok ok ok" },
  { route: "login.tsx", method: "GET", path: "/login", cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok" },
  {
    route: "login.tsx",
    method: "POST",
    path: "/login",
    prepare: signInAs,
    form: [["email", "{email}"], ["password", WORLD_PASSWORD], ["redirectTo", "/account"]],
    okLocation: /^\/account$/,
    cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok",
  },
  { route: "signup.tsx", method: "GET", path: "/signup", cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok" },
  {
    route: "signup.tsx",
    method: "POST",
    path: "/signup",
    prepare: freshEmail,
    form: [["firstName", "New"], ["lastName", "Person"], ["email", "{email}"], ["password", "a fine passphrase"]],
    cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok",
  },
  { route: "logout.tsx", method: "GET", path: "/logout", cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok" },
  { route: "logout.tsx", method: "POST", path: "/logout", okLocation: /^\/login$/, cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok" },
  { route: "locale.tsx", method: "GET", path: "/locale", cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok" },
  { route: "locale.tsx", method: "POST", path: "/locale", form: [["locale", "fr"], ["redirectTo", "/account"]], okLocation: /^\/account$/, cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok" },
  { route: "account.tsx", method: "GET", path: "/account", cells: "L ok ok ok ok ok ok ok ok ok ok ok ok" },
  { route: "organizations.new.tsx", method: "GET", path: "/organizations/new", cells: "L ok ok ok ok ok ok ok ok ok ok ok ok" },
  {
    route: "organizations.new.tsx",
    method: "POST",
    path: "/organizations/new",
    form: [["name", "Matrix Agency"]],
    okLocation: /^\/partners\/[0-9a-f-]{36}\/stores$/,
    cells: "L ok ok ok ok ok ok ok ok ok ok ok ok",
  },
  { route: "stores.new.tsx", method: "GET", path: "/stores/new", cells: "L ok ok ok ok ok ok ok ok ok ok ok ok" },
  {
    route: "stores.new.tsx",
    method: "POST",
    path: "/stores/new",
    prepare: freshEmail,
    form: [["name", "Matrix Store"], ["handle", "{handle}"], ["contactEmail", "{email}"], ["plan", "BASIC"]],
    okLocation: /^\/store\/[0-9a-f-]{36}$/,
    cells: "L ok ok ok ok ok ok ok ok ok ok ok ok",
  },
  { route: "dev.mailbox.tsx", method: "GET", path: "/dev/mailbox", note: "development only", cells: "404 404 404 404 404 404 404 404 404 404 404 404 404" },
  { route: "invitations.$token.tsx", method: "GET", path: "/invitations/{token}", prepare: staffInvitation(false), cells: "ok ok ok ok ok ok ok ok ok ok ok ok ok" },
  {
    route: "invitations.$token.tsx",
    method: "POST",
    intent: "create",
    path: "/invitations/{token}",
    prepare: staffInvitation(false),
    form: [["intent", "create"], ["firstName", "New"], ["lastName", "Staff"], ["password", "a fine passphrase"]],
    okLocation: /^\/store\/[0-9a-f-]{36}$/,
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
    cells: "L ok ok ok ok ok ok ok ok ok ok ok ok",
  },

  // ---- Partner dashboard (organization A) ---------------------------------------------------------
  { route: "partners.request.tsx", method: "GET", path: "/partners/request?store=maple-goods.portier.test", cells: "L ok ok ok ok ok ok ok ok ok ok ok ok" },
  { route: "partners.$orgId.tsx", method: "GET", path: "/partners/{orgA}/stores", cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404" },
  { route: "partners.$orgId._index.tsx", method: "GET", path: "/partners/{orgA}", okLocation: /\/stores$/, cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404" },
  { route: "partners.$orgId.stores._index.tsx", method: "GET", path: "/partners/{orgA}/stores?state=all", cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404" },
  {
    route: "partners.$orgId.stores._index.tsx",
    method: "POST",
    intent: "cancel",
    path: "/partners/{orgA}/stores?index",
    prepare: rowOfA("PENDING"),
    form: [["intent", "cancel"], ["id", "{request}"]],
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
    cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404",
  },
  {
    route: "partners.$orgId.stores._index.tsx",
    method: "POST",
    intent: "removeAccess",
    path: "/partners/{orgA}/stores?index",
    prepare: rowOfA("MANAGED"),
    form: [["intent", "removeAccess"], ["id", "{access}"]],
    cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404",
  },
  {
    route: "partners.$orgId.stores._index.tsx",
    method: "POST",
    intent: "removeFromList",
    path: "/partners/{orgA}/stores?index",
    prepare: rowOfA("REMOVED"),
    form: [["intent", "removeFromList"], ["id", "{access}"]],
    cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404",
  },
  {
    route: "partners.$orgId.stores._index.tsx",
    method: "POST",
    intent: "dismiss",
    path: "/partners/{orgA}/stores?index",
    prepare: rowOfA("DECLINED"),
    form: [["intent", "dismiss"], ["id", "{access}"]],
    cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404",
  },
  { route: "partners.$orgId.stores.request.tsx", method: "GET", path: "/partners/{orgA}/stores/request", cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404" },
  {
    route: "partners.$orgId.stores.request.tsx",
    method: "POST",
    path: "/partners/{orgA}/stores/request",
    prepare: requestableStore,
    form: [["storeUrl", "{storeUrl}"], ["code", "{code}"], ["perm.orders", "view"], ["perm.home", "view"], ["message", "Hello from the matrix"]],
    okLocation: /^\/partners\/[0-9a-f-]{36}\/stores\?toast=requested$/,
    cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404",
  },
  { route: "partners.$orgId.activity.tsx", method: "GET", path: "/partners/{orgA}/activity", cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404" },
  { route: "partners.$orgId.members.tsx", method: "GET", path: "/partners/{orgA}/members", cells: "L ok 404 ok 404 404 404 404 404 404 404 404 404" },
  {
    route: "partners.$orgId.members.tsx",
    method: "POST",
    intent: "invite",
    path: "/partners/{orgA}/members",
    prepare: emailForOrgInvite,
    form: [["intent", "invite"], ["email", "{email}"]],
    note: "only the organization's owners manage members (cView is a plain member)",
    cells: "L ok 404 403 404 404 404 404 404 404 404 404 404",
  },
  {
    route: "partners.$orgId.members.tsx",
    method: "POST",
    intent: "remove",
    path: "/partners/{orgA}/members",
    prepare: memberOfA,
    form: [["intent", "remove"], ["id", "{membership}"]],
    cells: "L ok 404 403 404 404 404 404 404 404 404 404 404",
  },
  {
    route: "partners.$orgId.members.tsx",
    method: "POST",
    intent: "cancelInvitation",
    path: "/partners/{orgA}/members",
    prepare: invitationOfA,
    form: [["intent", "cancelInvitation"], ["id", "{invitation}"]],
    cells: "L ok 404 403 404 404 404 404 404 404 404 404 404",
  },

  // ---- Store admin of S: frame and Home ----------------------------------------------------------
  { route: "store.$storeId.tsx", method: "GET", path: "/store/{store}", section: "home", cells: "L 404 404 ok ok ok ok ok ok 403 403 ok 404" },
  { route: "store.$storeId._index.tsx", method: "GET", path: "/store/{store}", section: "home", note: "everyone in the store lands here; without home it is a welcome", cells: "L 404 404 ok ok ok ok ok ok 403 403 ok 404" },
  {
    route: "store.$storeId._index.tsx",
    method: "POST",
    intent: "markAllRead",
    path: "/store/{store}?index",
    section: "home",
    form: [["intent", "markAllRead"]],
    cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404",
  },
  {
    route: "store.$storeId._index.tsx",
    method: "POST",
    intent: "markRead",
    path: "/store/{store}?index",
    section: "home",
    form: [["intent", "markRead"], ["notificationId", "{s.notification}"]],
    cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404",
  },
  { route: "store.$storeId.activity.people.ts", method: "GET", path: "/store/{store}/activity/people", section: "home", cells: "L 404 404 ok ok 403 ok ok 403 403 403 ok 404" },
  { route: "store.$storeId.activity[.]csv.tsx", method: "GET", path: "/store/{store}/activity.csv", section: "home", okLocation: /\/store\/[0-9a-f-]{36}$/, cells: "L 404 404 ok ok 403 ok ok 403 403 403 ok 404" },
  { route: "store.$storeId.activity[.]csv.tsx", method: "POST", path: "/store/{store}/activity.csv", section: "home", form: [], cells: "L 404 404 ok ok 403 ok ok 403 403 403 ok 404" },

  // ---- Orders -------------------------------------------------------------------------------------
  { route: "store.$storeId.orders._index.tsx", method: "GET", path: "/store/{store}/orders", section: "orders", cells: "L 404 404 ok ok 403 ok ok 403 403 403 ok 404" },
  { route: "store.$storeId.orders.$orderId.tsx", method: "GET", path: "/store/{store}/orders/{s.order}", section: "orders", cells: "L 404 404 ok ok 403 ok ok 403 403 403 ok 404" },
  {
    route: "store.$storeId.orders.$orderId.tsx",
    method: "POST",
    intent: "status",
    path: "/store/{store}/orders/{order}",
    section: "orders",
    prepare: orderOnS,
    form: [["intent", "status"], ["status", "FULFILLED"], ["from", "OPEN"]],
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
    cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404",
  },

  // ---- Products -----------------------------------------------------------------------------------
  { route: "store.$storeId.products._index.tsx", method: "GET", path: "/store/{store}/products", section: "products", cells: "L 404 404 ok ok 403 ok ok 403 403 403 ok 404" },
  { route: "store.$storeId.products.new.tsx", method: "GET", path: "/store/{store}/products/new", section: "products", cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404" },
  {
    route: "store.$storeId.products.new.tsx",
    method: "POST",
    path: "/store/{store}/products/new",
    section: "products",
    form: [["title", "Matrix mug"], ["description", "Blue"], ["price", "12.50"], ["inventory", "3"], ["sku", "MX-1"], ["status", "ACTIVE"]],
    cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404",
  },
  { route: "store.$storeId.products.$productId.tsx", method: "GET", path: "/store/{store}/products/{s.product}", section: "products", cells: "L 404 404 ok ok 403 ok ok 403 403 403 ok 404" },
  {
    route: "store.$storeId.products.$productId.tsx",
    method: "POST",
    intent: "save",
    path: "/store/{store}/products/{product}",
    section: "products",
    prepare: productOnS,
    form: [["title", "Renamed mug"], ["description", ""], ["price", "9.90"], ["inventory", "1"], ["sku", ""], ["status", "DRAFT"]],
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
    cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404",
  },

  // ---- Customers ----------------------------------------------------------------------------------
  { route: "store.$storeId.customers._index.tsx", method: "GET", path: "/store/{store}/customers", section: "customers", cells: "L 404 404 ok ok 403 ok ok 403 403 403 ok 404" },
  { route: "store.$storeId.customers.new.tsx", method: "GET", path: "/store/{store}/customers/new", section: "customers", cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404" },
  {
    route: "store.$storeId.customers.new.tsx",
    method: "POST",
    path: "/store/{store}/customers/new",
    section: "customers",
    prepare: freshEmail,
    form: [["firstName", "Cora"], ["lastName", "Matrix"], ["email", "{email}"], ["phone", ""], ["company", ""], ["city", "Lyon"], ["country", "FR"], ["note", ""], ["acceptsMarketing", "false"]],
    cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404",
  },
  { route: "store.$storeId.customers.$customerId.tsx", method: "GET", path: "/store/{store}/customers/{s.customer}", section: "customers", cells: "L 404 404 ok ok 403 ok ok 403 403 403 ok 404" },
  {
    route: "store.$storeId.customers.$customerId.tsx",
    method: "POST",
    intent: "save",
    path: "/store/{store}/customers/{customer}",
    section: "customers",
    prepare: async (ctx) => ({ vars: { ...(await customerOnS(ctx)).vars, ...(await freshEmail()).vars } }),
    form: [["firstName", "Cora"], ["lastName", "Edited"], ["email", "{email}"], ["city", "Paris"], ["acceptsMarketing", "true"]],
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
    cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404",
  },
  { route: "store.$storeId.customers.import.tsx", method: "GET", path: "/store/{store}/customers/import", section: "customers", cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404" },
  {
    route: "store.$storeId.customers.import.tsx",
    method: "POST",
    path: "/store/{store}/customers/import",
    section: "customers",
    multipart: true,
    prepare: freshEmail,
    form: [["file", "firstName,lastName,email\nImported,Person,{email}\n"]],
    cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404",
  },
  { route: "store.$storeId.customers.export.tsx", method: "GET", path: "/store/{store}/customers/export", section: "customers", okLocation: /\/customers\/import$/, cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404" },
  { route: "store.$storeId.customers.export.tsx", method: "POST", path: "/store/{store}/customers/export", section: "customers", form: [], cells: "L 404 404 403 ok 403 403 ok 403 403 403 ok 404" },

  // ---- Settings (details: settings section; the code: the owner's alone) ---------------------------
  { route: "store.$storeId.settings.tsx", method: "GET", path: "/store/{store}/settings", section: "settings", cells: "L 404 404 ok ok 403 ok ok 403 403 403 ok 404" },
  {
    route: "store.$storeId.settings.tsx",
    method: "POST",
    intent: "details",
    path: "/store/{store}/settings",
    section: "settings",
    prepare: freshEmail,
    form: [["intent", "details"], ["name", "Security Store {handle}"], ["contactEmail", "{email}"], ["address", "1 rue du Test"], ["currency", "EUR"], ["timezone", "Europe/Paris"], ["inactivityDays", "90"]],
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
    cells: "L 404 404 403 403 403 403 403 403 403 403 ok 404",
  },

  // ---- Users and permissions (the staff section: never collaborators) ------------------------------
  { route: "store.$storeId.users.tsx", method: "GET", path: "/store/{store}/users/staff", section: "staff", cells: "L 404 404 403 403 403 ok ok 403 403 403 ok 404" },
  { route: "store.$storeId.users._index.tsx", method: "GET", path: "/store/{store}/users", section: "staff", okLocation: /\/users\/(requests|staff)$/, cells: "L 404 404 403 403 403 ok ok 403 403 403 ok 404" },
  { route: "store.$storeId.users.requests.tsx", method: "GET", path: "/store/{store}/users/requests", section: "staff", cells: "L 404 404 403 403 403 ok ok 403 403 403 ok 404" },
  {
    route: "store.$storeId.users.requests.tsx",
    method: "POST",
    intent: "approve",
    path: "/store/{store}/users/requests",
    section: "staff",
    prepare: pendingRequestOnS,
    form: [["intent", "approve"], ["requestId", "{request}"], ...PERM("view")],
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
    cells: "L 404 404 403 403 403 403 ok 403 403 403 ok 404",
  },
  { route: "store.$storeId.users.collaborators.tsx", method: "GET", path: "/store/{store}/users/collaborators", section: "staff", cells: "L 404 404 403 403 403 ok ok 403 403 403 ok 404" },
  ...(["permissions", "remove", "suspend", "resume"] as const).map(
    (intent): MatrixRow => ({
      route: "store.$storeId.users.collaborators.tsx",
      method: "POST",
      intent,
      path: "/store/{store}/users/collaborators",
      section: "staff",
      prepare: accessOnS(intent === "resume" ? "SUSPENDED" : "MANAGED"),
      form: [["intent", intent], ["accessId", "{access}"], ...(intent === "permissions" ? PERM("manage") : [])],
      cells: "L 404 404 403 403 403 403 ok 403 403 403 ok 404",
    }),
  ),
  { route: "store.$storeId.users.staff._index.tsx", method: "GET", path: "/store/{store}/users/staff", section: "staff", cells: "L 404 404 403 403 403 ok ok 403 403 403 ok 404" },
  { route: "store.$storeId.users.staff.new.tsx", method: "GET", path: "/store/{store}/users/staff/new", section: "staff", cells: "L 404 404 403 403 403 403 ok 403 403 403 ok 404" },
  {
    route: "store.$storeId.users.staff.new.tsx",
    method: "POST",
    path: "/store/{store}/users/staff/new",
    section: "staff",
    prepare: inviteeForS,
    form: [["email", "{email}"], ["firstName", "Nina"], ["lastName", "New"], ...PERM("view")],
    cells: "L 404 404 403 403 403 403 ok 403 403 403 ok 404",
  },
  { route: "store.$storeId.users.staff.$staffId.tsx", method: "GET", path: "/store/{store}/users/staff/{s.staff}", section: "staff", cells: "L 404 404 403 403 403 ok ok 403 403 403 ok 404" },
  ...(["permissions", "lock", "unlock", "archive", "unarchive", "remove"] as const).map(
    (intent): MatrixRow => ({
      route: "store.$storeId.users.staff.$staffId.tsx",
      method: "POST",
      intent,
      path: "/store/{store}/users/staff/{staff}",
      section: "staff",
      prepare: staffOnS(intent === "unlock" ? "LOCKED" : intent === "unarchive" ? "ARCHIVED" : "ACTIVE"),
      form: [["intent", intent], ...(intent === "permissions" ? PERM("manage") : [])],
      cells: "L 404 404 403 403 403 403 ok 403 403 403 ok 404",
    }),
  ),
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
  knownBug?: string;
}

export const CROSS_TENANT: CrossTenantRow[] = [
  // Another store's records through S's URLs (the owner of S asking).
  { name: "T's order under S's URL", route: "store.$storeId.orders.$orderId.tsx", method: "GET", path: "/store/{store}/orders/{foreign.order}", actor: "owner", expect: 404 },
  { name: "T's product under S's URL", route: "store.$storeId.products.$productId.tsx", method: "GET", path: "/store/{store}/products/{foreign.product}", actor: "owner", expect: 404 },
  { name: "T's customer under S's URL", route: "store.$storeId.customers.$customerId.tsx", method: "GET", path: "/store/{store}/customers/{foreign.customer}", actor: "owner", expect: 404 },
  { name: "T's staff account under S's URL", route: "store.$storeId.users.staff.$staffId.tsx", method: "GET", path: "/store/{store}/users/staff/{foreign.staff}", actor: "owner", expect: 404 },
  { name: "change T's order status from S", route: "store.$storeId.orders.$orderId.tsx", method: "POST", path: "/store/{store}/orders/{foreign.order}", actor: "owner", form: [["intent", "status"], ["status", "CANCELLED"], ["from", "OPEN"]], expect: 404 },
  { name: "note on T's order from S", route: "store.$storeId.orders.$orderId.tsx", method: "POST", path: "/store/{store}/orders/{foreign.order}", actor: "owner", form: [["intent", "note"], ["note", "x"]], expect: 404 },
  { name: "edit T's product from S", route: "store.$storeId.products.$productId.tsx", method: "POST", path: "/store/{store}/products/{foreign.product}", actor: "owner", form: [["title", "Hijacked"], ["price", "1.00"], ["status", "ACTIVE"]], expect: 404 },
  { name: "archive T's product from S", route: "store.$storeId.products.$productId.tsx", method: "POST", path: "/store/{store}/products/{foreign.product}", actor: "owner", form: [["intent", "archive"]], expect: 404 },
  { name: "edit T's customer from S", route: "store.$storeId.customers.$customerId.tsx", method: "POST", path: "/store/{store}/customers/{foreign.customer}", actor: "owner", form: [["firstName", "X"], ["lastName", "Y"], ["email", "x@example.test"]], expect: 404 },
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
  { name: "a collaborator of S edits T's product under S", route: "store.$storeId.products.$productId.tsx", method: "POST", path: "/store/{store}/products/{foreign.product}", actor: "cManage", form: [["title", "Hijacked"], ["price", "1.00"], ["status", "ACTIVE"]], expect: 404 },
  // Someone else's staff invitation, accepted while signed in as another person.
  { name: "accept a staff invitation sent to someone else", route: "invitations.$token.tsx", method: "POST", path: "/invitations/{foreign.invitationToken}", actor: "pOwn", form: [["intent", "accept"]], expect: 403 },
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
