// Seeds the benchmark's large world (see world.ts) into a fresh database with set-based SQL:
// INSERT … SELECT over generate_series, no row-by-row round trips. The schema comes from the migration
// files, applied in order, the very SQL production runs (triggers included: the pending-request counter
// and the append-only activity log both accept bulk INSERTs).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { hashPassword } from "../app/lib/password.server";
import type { BenchDatabase } from "./database";
import { countWorld, type WorldCounts } from "./seed-counts";
import { BENCH_PASSWORD, LOGINS, planWorld, storeCodeSql, uidSql, type WorldPlan } from "./world";

export type Log = (message: string) => void;

export function migrationSql(): { name: string; sql: string }[] {
  const dir = path.resolve("prisma/migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

const ALL_PERMISSIONS = `ARRAY['home_manage','orders_manage','products_manage','customers_manage','settings_manage','staff_manage']::"Permission"[]`;
/** Collaborator permission sets, picked by `k % 4`. */
const REQUESTED = (k: string) => `(CASE (${k}) % 4
  WHEN 0 THEN ARRAY['home_view','orders_manage','products_manage']::"Permission"[]
  WHEN 1 THEN ARRAY['orders_view','customers_view']::"Permission"[]
  WHEN 2 THEN ARRAY['home_view','products_manage','settings_view']::"Permission"[]
  ELSE ARRAY['home_manage','orders_manage','products_manage','customers_manage','settings_manage']::"Permission"[] END)`;

/** The owner's user id of store `i` (an SQL expression). */
function ownerUserSql(plan: WorldPlan, i: string): string {
  return `CASE WHEN ${i} <= 3 THEN ${uidSql("user", "'merchant'")}
    WHEN ${i} < ${plan.firstFreshStore} THEN ${uidSql("user", "'approver'")}
    ELSE ${uidSql("owner", i)} END`;
}

function ownerEmailSql(plan: WorldPlan, i: string): string {
  return `CASE WHEN ${i} <= 3 THEN '${LOGINS.merchant}' WHEN ${i} < ${plan.firstFreshStore} THEN '${LOGINS.approver}'
    ELSE 'owner' || ${i} || '@merchants.bench.test' END`;
}

/** Who files an organization's requests (its first member, or the named bench users). */
function requesterUserSql(plan: WorldPlan, j: string): string {
  return `CASE WHEN ${j} <= 3 THEN ${uidSql("user", "'partner'")}
    WHEN ${j} < ${plan.firstApprovalOrg} THEN ${uidSql("user", "'requester'")}
    ELSE ${uidSql("member", j)} END`;
}

/** The state of the k-th store (0 = most recently changed) of an organization with `pend` pending requests. */
function accessStateSql(k: string, pend: string): string {
  return `CASE WHEN ${k} < ${pend} THEN 'PENDING'
    WHEN ${k} % 100 IN (0, 1) THEN 'DECLINED'
    WHEN ${k} % 100 IN (2, 3, 4, 7) THEN 'REMOVED'
    WHEN ${k} % 100 = 5 THEN 'SUSPENDED'
    WHEN ${k} % 100 = 6 THEN 'CANCELLED'
    ELSE 'MANAGED' END`;
}

export interface SeedSummary {
  plan: WorldPlan;
  counts: WorldCounts;
  seconds: number;
}

export async function seedLargeWorld(database: BenchDatabase, scale: number, log: Log): Promise<SeedSummary> {
  const plan = planWorld(scale);
  const started = Date.now();
  const step = async (label: string, sql: string) => {
    const t0 = Date.now();
    await database.exec(sql);
    log(`  ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  };

  log(`Applying ${migrationSql().length} migrations`);
  for (const migration of migrationSql()) await database.exec(migration.sql);
  if (database.kind === "postgres") await database.exec("SET synchronous_commit = off");

  const hash = await hashPassword(BENCH_PASSWORD);
  const N0 = plan.firstNormalStore;
  const NN = plan.normalStores;
  const G0 = plan.firstGeneralOrg;
  const L = plan.large;
  log(
    `Seeding: ${plan.organizations} organizations, ${plan.stores} stores, ${plan.requests} requests, ${plan.activity} activity rows ` +
      `(scale ${scale})`,
  );

  // --- People -----------------------------------------------------------------------------------------
  await step(
    "users",
    `
    INSERT INTO "User" ("id", "email", "firstName", "lastName", "passwordHash", "locale", "createdAt") VALUES
      (${uidSql("user", "'merchant'")}, '${LOGINS.merchant}', 'Mona', 'Merchant', '${hash}', 'en', now() - interval '400 days'),
      (${uidSql("user", "'approver'")}, '${LOGINS.approver}', 'Andre', 'Approver', '${hash}', 'en', now() - interval '400 days'),
      (${uidSql("user", "'partner'")}, '${LOGINS.partner}', 'Paula', 'Partner', '${hash}', 'en', now() - interval '400 days'),
      (${uidSql("user", "'requester'")}, '${LOGINS.requester}', 'Remy', 'Requester', '${hash}', 'en', now() - interval '400 days');
    INSERT INTO "User" ("id", "email", "firstName", "lastName", "passwordHash", "locale", "createdAt")
      SELECT ${uidSql("owner", "i")}, 'owner' || i || '@merchants.bench.test', 'Owner', 'Number ' || i, '${hash}',
             CASE WHEN i % 3 = 0 THEN 'fr' ELSE 'en' END::"Locale", now() - (i || ' minutes')::interval
      FROM generate_series(${plan.firstFreshStore}, ${plan.stores}) AS i;
    INSERT INTO "User" ("id", "email", "firstName", "lastName", "passwordHash", "locale", "createdAt")
      SELECT ${uidSql("member", "j")}, 'member' || j || '@partners.bench.test', 'Member', 'Of agency ' || j, '${hash}', 'en'::"Locale", now() - (j || ' hours')::interval
      FROM generate_series(1, ${plan.organizations}) AS j
      UNION ALL
      SELECT ${uidSql("memberb", "j")}, 'second' || j || '@partners.bench.test', 'Second', 'Of agency ' || j, '${hash}', 'fr', now() - (j || ' hours')::interval
      FROM generate_series(${G0}, ${plan.organizations}) AS j WHERE j % 3 = 0
      UNION ALL
      SELECT ${uidSql("member1x", "k")}, 'northwind' || k || '@partners.bench.test', 'Northwind', 'Member ' || k, '${hash}', 'en', now() - (k || ' days')::interval
      FROM generate_series(1, ${plan.bigOrgExtraMembers}) AS k
      UNION ALL
      SELECT ${uidSql("staff", "k")}, 'staff' || k || '@flagship.bench.test', 'Staff', 'Member ' || k, '${hash}', 'en', now() - (k || ' days')::interval
      FROM generate_series(1, ${L.staff}) AS k WHERE k <= ${L.staff - 10};`,
  );

  // --- Organizations and memberships -------------------------------------------------------------------
  await step(
    "organizations and memberships",
    `
    INSERT INTO "PartnerOrganization" ("id", "name", "createdAt")
      SELECT ${uidSql("org", "j")},
        CASE j WHEN 1 THEN 'Northwind Agency' WHEN 2 THEN 'Midway Studio' WHEN 3 THEN 'Tiny Freelance'
          ELSE CASE WHEN j < ${plan.firstApprovalOrg} THEN 'Requester Agency ' WHEN j < ${G0} THEN 'Approval Agency ' ELSE 'Agency ' END || j END,
        now() - (j || ' hours')::interval
      FROM generate_series(1, ${plan.organizations}) AS j;
    INSERT INTO "Membership" ("id", "organizationId", "userId", "role")
      SELECT gen_random_uuid(), ${uidSql("org", "j")}, ${uidSql("member", "j")},
             CASE WHEN j < ${plan.firstApprovalOrg} THEN 'MEMBER' ELSE 'OWNER' END::"MembershipRole"
      FROM generate_series(1, ${plan.organizations}) AS j
      UNION ALL SELECT gen_random_uuid(), ${uidSql("org", "j")}, ${uidSql("memberb", "j")}, 'MEMBER' FROM generate_series(${G0}, ${plan.organizations}) AS j WHERE j % 3 = 0
      UNION ALL SELECT gen_random_uuid(), ${uidSql("org", "1")}, ${uidSql("member1x", "k")}, 'MEMBER' FROM generate_series(1, ${plan.bigOrgExtraMembers}) AS k
      UNION ALL SELECT gen_random_uuid(), ${uidSql("org", "j")}, ${uidSql("user", "'partner'")}, 'OWNER' FROM generate_series(1, 3) AS j
      UNION ALL SELECT gen_random_uuid(), ${uidSql("org", "j")}, ${uidSql("user", "'requester'")}, 'OWNER'
        FROM generate_series(${plan.firstRequesterOrg}, ${plan.firstApprovalOrg - 1}) AS j;`,
  );

  // --- Stores and their staff --------------------------------------------------------------------------
  await step(
    "stores",
    `
    INSERT INTO "Store" ("id", "name", "domain", "contactEmail", "plan", "collaboratorCode", "collaboratorCodeRequired", "createdAt")
      SELECT ${uidSql("store", "i")},
        CASE i WHEN 1 THEN 'Flagship Store' WHEN 2 THEN 'Midsize Store' WHEN 3 THEN 'Small Store' ELSE 'Store ' || i END,
        'store-' || i || '.bench.test', ${ownerEmailSql(plan, "i")},
        (ARRAY['BASIC','STANDARD','ADVANCED'])[1 + i % 3]::"Plan", ${storeCodeSql("i")}, true,
        now() - (i || ' minutes')::interval
      FROM generate_series(1, ${plan.stores}) AS i;`,
  );
  await step(
    "staff accounts",
    `
    INSERT INTO "StaffAccount" ("id", "storeId", "userId", "email", "firstName", "lastName", "isOwner", "status", "permissions", "createdAt", "lastActiveAt")
      SELECT ${uidSql("owneraccount", "i")}, ${uidSql("store", "i")}, ${ownerUserSql(plan, "i")}, ${ownerEmailSql(plan, "i")},
             'Owner', 'Of store ' || i, true, 'ACTIVE', ${ALL_PERMISSIONS}, now() - (i || ' minutes')::interval, NULL
      FROM generate_series(1, ${plan.stores}) AS i;
    INSERT INTO "StaffAccount" ("id", "storeId", "userId", "email", "firstName", "lastName", "isOwner", "status", "permissions", "createdAt", "lastActiveAt")
      SELECT ${uidSql("staffaccount", "k")}, ${uidSql("store", "1")},
             CASE WHEN k <= ${L.staff - 10} THEN ${uidSql("staff", "k")} END,
             'staff' || k || '@flagship.bench.test', 'Staff', 'Member ' || k, false,
             (CASE WHEN k > ${L.staff - 10} THEN 'INVITED' WHEN k % 20 = 1 THEN 'LOCKED' WHEN k % 20 = 2 THEN 'ARCHIVED' ELSE 'ACTIVE' END)::"StaffStatus",
             CASE k % 4
               WHEN 0 THEN ARRAY['home_view','orders_manage','products_view']::"Permission"[]
               WHEN 1 THEN ARRAY['orders_view','customers_manage']::"Permission"[]
               WHEN 2 THEN ARRAY['home_manage','staff_view','settings_view']::"Permission"[]
               ELSE ARRAY['products_manage','customers_view','staff_manage','home_view']::"Permission"[] END,
             now() - (k || ' days')::interval, CASE WHEN k <= ${L.staff - 10} THEN now() - (k || ' hours')::interval END
      FROM generate_series(1, ${L.staff}) AS k;`,
  );

  // --- Collaborator access: one row per (organization, store), with the request behind it -----------
  await step(
    "collaborator access plan",
    `
    CREATE TEMP TABLE bench_access (org int NOT NULL, store int NOT NULL, k int NOT NULL, state text NOT NULL, PRIMARY KEY (org, store));
    -- Organizations 1, 2, 3: 100 : 10 : 1 listed stores, 10 pending each (fewer when tiny).
    INSERT INTO bench_access
      SELECT o.j, ${N0} + k, k, ${accessStateSql("k", "least(10, o.n / 5 + 1)")}
      FROM (VALUES (1, ${plan.bigOrgStores}), (2, ${plan.mediumOrgStores}), (3, ${plan.smallOrgStores})) AS o(j, n),
           LATERAL generate_series(0, o.n - 1) AS k;
    -- The approval organizations: 10 pending requests each, one per approval store.
    INSERT INTO bench_access
      SELECT ${plan.firstApprovalOrg} + a, 4 + a * 10 + r, r, 'PENDING'
      FROM generate_series(0, ${plan.approvalOrgs - 1}) AS a, generate_series(0, 9) AS r;
    -- Stores 1, 2, 3: 20, 5 and 2 collaborator organizations; 3 more have a request pending on store 1.
    INSERT INTO bench_access
      SELECT ${G0} + c, 1, 10 + c, CASE WHEN c < 20 THEN 'MANAGED' ELSE 'PENDING' END FROM generate_series(0, 22) AS c
      UNION ALL SELECT ${G0} + c, 2, 10 + c, 'MANAGED' FROM generate_series(0, 4) AS c
      UNION ALL SELECT ${G0} + c, 3, 10 + c, 'MANAGED' FROM generate_series(0, 1) AS c;
    -- Every other organization: 10 to 100 stores spread over the ordinary stores, j % 5 of them pending.
    INSERT INTO bench_access
      SELECT j, ${N0} + ((j::bigint * 7919 + k::bigint * 104729) % ${NN})::int, k, ${accessStateSql("k", "j % 5")}
      FROM generate_series(${G0}, ${plan.organizations}) AS j, LATERAL generate_series(0, 9 + (j * 37) % 91) AS k
      ON CONFLICT DO NOTHING;`,
  );
  const requestedAt = `now() - (a.k * interval '17 minutes') - (a.org * interval '1 second')`;
  await step(
    "collaborator access and requests",
    `
    INSERT INTO "CollaboratorAccess" ("id", "organizationId", "storeId", "state", "requestId", "permissions", "listed", "grantedAt", "lastUsedAt", "updatedAt", "createdAt")
      SELECT ${uidSql("access", "a.org || ':' || a.store")}, ${uidSql("org", "a.org")}, ${uidSql("store", "a.store")}, a.state::"AccessState",
             ${uidSql("areq", "a.org || ':' || a.store")},
             CASE WHEN a.state IN ('REMOVED', 'CANCELLED', 'DECLINED') THEN ARRAY[]::"Permission"[] ELSE ${REQUESTED("a.k")} END,
             NOT (a.state = 'CANCELLED' OR (a.state = 'REMOVED' AND a.k % 100 = 7)),
             CASE WHEN a.state IN ('MANAGED', 'SUSPENDED') THEN ${requestedAt} END,
             CASE WHEN a.state = 'MANAGED' AND a.k % 3 = 0 THEN now() - (a.k || ' minutes')::interval END,
             ${requestedAt}, ${requestedAt} - interval '2 days'
      FROM bench_access a;
    INSERT INTO "CollaboratorRequest" ("id", "organizationId", "storeId", "requestedById", "status", "permissions", "message", "createdAt",
                                       "decidedAt", "decidedById", "grantedPermissions", "cancelledAt", "cancelledById")
      SELECT ${uidSql("areq", "a.org || ':' || a.store")}, ${uidSql("org", "a.org")}, ${uidSql("store", "a.store")}, ${requesterUserSql(plan, "a.org")},
             s.status::"RequestStatus", ${REQUESTED("a.k")},
             CASE WHEN a.k % 2 = 0 THEN 'Hello! We are agency ' || a.org || ' and would like to help with your catalogue and orders.' END,
             CASE WHEN s.status = 'PENDING' THEN ${requestedAt} ELSE ${requestedAt} - interval '2 days' END,
             CASE WHEN s.status IN ('APPROVED', 'DECLINED') THEN ${requestedAt} END,
             CASE WHEN s.status IN ('APPROVED', 'DECLINED') THEN ${ownerUserSql(plan, "a.store")} END,
             CASE WHEN s.status = 'APPROVED' THEN ${REQUESTED("a.k")} ELSE ARRAY[]::"Permission"[] END,
             CASE WHEN s.status = 'CANCELLED' THEN ${requestedAt} END,
             CASE WHEN s.status = 'CANCELLED' THEN ${requesterUserSql(plan, "a.org")} END
      FROM bench_access a,
           LATERAL (SELECT CASE a.state WHEN 'PENDING' THEN 'PENDING' WHEN 'DECLINED' THEN 'DECLINED' WHEN 'CANCELLED' THEN 'CANCELLED'
                                        ELSE 'APPROVED' END AS status) s;`,
  );
  const [{ accesses }] = await database.query<{ accesses: number }>(`SELECT count(*)::int AS accesses FROM bench_access`);

  // Older, decided requests: the history that brings the table to plan.requests rows.
  const history = Math.max(0, plan.requests - accesses - L.history - Math.round(L.history / 10) - Math.round(L.history / 100));
  const generalOrgs = plan.organizations - G0 + 1;
  await step(
    `request history (${history + L.history + Math.round(L.history / 10) + Math.round(L.history / 100)} decided requests)`,
    `
    INSERT INTO "CollaboratorRequest" ("id", "organizationId", "storeId", "requestedById", "status", "permissions", "message", "createdAt",
                                       "decidedAt", "decidedById", "grantedPermissions", "cancelledAt", "cancelledById")
      SELECT ${uidSql("hreq", "h.n")}, ${uidSql("org", "h.org")}, ${uidSql("store", "h.store")}, ${uidSql("member", "h.org")},
             (ARRAY['APPROVED', 'DECLINED', 'CANCELLED'])[1 + h.n % 3]::"RequestStatus", ${REQUESTED("h.n")},
             CASE WHEN h.n % 2 = 0 THEN 'Could we help with your store? Agency ' || h.org END,
             now() - interval '60 days' - h.n * interval '1 minute',
             CASE WHEN h.n % 3 < 2 THEN now() - interval '59 days' - h.n * interval '1 minute' END,
             CASE WHEN h.n % 3 < 2 THEN ${ownerUserSql(plan, "h.store")} END,
             CASE WHEN h.n % 3 = 0 THEN ${REQUESTED("h.n")} ELSE ARRAY[]::"Permission"[] END,
             CASE WHEN h.n % 3 = 2 THEN now() - interval '59 days' - h.n * interval '1 minute' END,
             CASE WHEN h.n % 3 = 2 THEN ${uidSql("member", "h.org")} END
      FROM (
        SELECT n, ${G0} + (n * 7) % ${generalOrgs} AS org, ${N0} + ((n::bigint * 104729) % ${NN})::int AS store
          FROM generate_series(1, ${history}) AS n
        UNION ALL SELECT ${history} + n, ${G0} + n % ${generalOrgs}, 1 FROM generate_series(1, ${L.history}) AS n
        UNION ALL SELECT ${history + L.history} + n, ${G0} + n % ${generalOrgs}, 2 FROM generate_series(1, ${Math.round(L.history / 10)}) AS n
        UNION ALL SELECT ${history + L.history + Math.round(L.history / 10)} + n, ${G0} + n % ${generalOrgs}, 3
          FROM generate_series(1, ${Math.round(L.history / 100)}) AS n
      ) AS h;`,
  );

  // The owner's Home notifications: one per request (resolved once decided; read unless recent).
  await step(
    "notifications",
    `
    INSERT INTO "Notification" ("id", "storeId", "kind", "params", "requestId", "createdAt", "readAt", "resolvedAt")
      SELECT gen_random_uuid(), r."storeId", 'collaborator_request.created',
             jsonb_build_object('organizationId', o."id", 'organizationName', o."name", 'requesterName', u."firstName" || ' ' || u."lastName",
                                'requesterEmail', u."email", 'permissions', to_jsonb(r."permissions"::text[]), 'message', r."message"),
             r."id", r."createdAt",
             CASE WHEN r."status" <> 'PENDING' THEN r."createdAt" + interval '1 hour' END,
             coalesce(r."decidedAt", r."cancelledAt")
      FROM "CollaboratorRequest" r JOIN "PartnerOrganization" o ON o."id" = r."organizationId" JOIN "User" u ON u."id" = r."requestedById";`,
  );

  // Failed code attempts (the request-access throttle reads them): mostly old, some within the hour.
  await step(
    "code attempts",
    `
    INSERT INTO "CodeAttempt" ("organizationId", "storeId", "userId", "ip", "createdAt")
      SELECT ${uidSql("org", `${G0} + n % ${generalOrgs}`)}, ${uidSql("store", `${N0} + ((n::bigint * 7919) % ${NN})::int`)},
             ${uidSql("member", `${G0} + n % ${generalOrgs}`)}, '10.1.' || (n % 250) || '.' || (n % 199),
             now() - (n % 43200) * interval '1 minute'
      FROM generate_series(1, ${Math.round(50_000 * scale)}) AS n;`,
  );

  // --- The activity log: 30 % on store 1, 3 % on store 2, 0.3 % on store 3, 5 % by organization 1, the rest everywhere.
  const activityBatch = 250_000;
  const actorCase = `
    CASE
      WHEN b < 300 THEN (CASE WHEN n % 130 < ${L.staff - 10} THEN 'staff' WHEN n % 130 < 110 THEN 'owner' ELSE 'collaborator' END)
      WHEN b < 333 THEN (CASE WHEN n % 4 = 0 THEN 'collaborator' ELSE 'owner' END)
      WHEN b < 383 THEN 'partner'
      ELSE (CASE WHEN n % 4 = 0 THEN 'partner' ELSE 'owner' END)
    END`;
  const storeCase = `CASE WHEN b < 300 THEN 1 WHEN b < 330 THEN 2 WHEN b < 333 THEN 3
      WHEN b < 383 THEN ${N0} + (n % ${plan.bigOrgStores}) ELSE ${N0} + ((n::bigint * 7919) % ${NN})::int END`;
  const orgCase = `CASE WHEN x.kind = 'partner' AND x.b < 383 THEN 1
      WHEN x.kind IN ('partner', 'collaborator') THEN ${G0} + (x.n / 7) % (CASE WHEN x.store <= 3 THEN 20 ELSE ${generalOrgs} END) END`;
  for (let from = 1; from <= plan.activity; from += activityBatch) {
    const to = Math.min(plan.activity, from + activityBatch - 1);
    await step(
      `activity log ${from.toLocaleString("en")}–${to.toLocaleString("en")} of ${plan.activity.toLocaleString("en")}`,
      `
      INSERT INTO "ActivityLog" ("createdAt", "action", "storeId", "organizationId", "actorUserId", "actorLabel", "actorKind", "subject", "details", "ip")
        SELECT now() - (${plan.activity} - y.n) * interval '20 seconds',
               CASE WHEN y.kind IN ('partner', 'collaborator')
                 THEN (ARRAY['collaborator_request.created', 'collaborator_access.logged_in', 'collaborator_request.cancelled', 'collaborator_code.failed_attempt'])[1 + y.n % 4]
                 ELSE (ARRAY['staff.invited', 'staff.permissions_changed', 'collaborator_request.approved', 'collaborator_request.declined',
                             'collaborator_code.regenerated', 'order.status_changed', 'product.created', 'customer.updated', 'store.details_updated'])[1 + y.n % 9]
               END,
               ${uidSql("store", "y.store")}, ${uidSql("org", "y.org")}::uuid,
               y.actor, y.label, y.kind,
               CASE WHEN y.org IS NOT NULL THEN 'Agency ' || y.org ELSE 'Store ' || y.store END,
               jsonb_build_object('storeName', 'Store ' || y.store, 'storeDomain', 'store-' || y.store || '.bench.test'),
               '10.0.' || (y.n % 250) || '.' || (y.n % 200)
        FROM (
          SELECT x.*, CASE
              WHEN x.kind = 'staff' THEN ${uidSql("staff", "1 + x.n % 130")}
              WHEN x.kind = 'owner' THEN ${ownerUserSql(plan, "x.store")}
              ELSE ${uidSql("member", orgCase)} END AS actor,
            CASE
              WHEN x.kind = 'staff' THEN 'Staff Member ' || (1 + x.n % 130) || ' <staff' || (1 + x.n % 130) || '@flagship.bench.test>'
              WHEN x.kind = 'owner' THEN 'Owner <' || ${ownerEmailSql(plan, "x.store")} || '>'
              ELSE 'Member Of agency ' || (${orgCase}) || ' <member' || (${orgCase}) || '@partners.bench.test>' END AS label,
            ${orgCase} AS org
          FROM (
            SELECT n, b, ${actorCase} AS kind, ${storeCase} AS store
            FROM (SELECT n, n % 1000 AS b FROM generate_series(${from}, ${to}) AS n) AS g
          ) AS x
        ) AS y
        ORDER BY y.n;`,
    );
  }

  // --- Orders, customers and products of stores 1, 2, 3 (1 : 1/10 : 1/100) ---------------------------
  for (const [store, divisor] of [
    [1, 1],
    [2, 10],
    [3, 100],
  ] as const) {
    const customers = Math.max(1, Math.round(L.customers / divisor));
    const orders = Math.max(1, Math.round(L.orders / divisor));
    const products = Math.max(1, Math.round(L.products / divisor));
    await step(
      `store ${store}: ${customers} customers, ${orders} orders, ${products} products`,
      `
      INSERT INTO "Customer" ("id", "storeId", "firstName", "lastName", "email", "phone", "city", "country", "acceptsMarketing", "createdAt")
        SELECT ${uidSql(`cust${store}`, "n")}, ${uidSql("store", String(store))},
               (ARRAY['Alice','Bruno','Chloé','David','Emma','Farid','Gaëlle','Hugo','Inès','Jules'])[1 + n % 10],
               (ARRAY['Martin','Bernard','Dubois','Thomas','Robert','Richard','Petit','Durand','Leroy','Moreau'])[1 + (n / 10) % 10],
               'customer' || n || '@example.test', '+33 6 ' || lpad((n % 100000000)::text, 8, '0'),
               (ARRAY['Paris','Lyon','Marseille','Lille','Nantes','Montréal','Québec','Bruxelles'])[1 + n % 8], 'FR', n % 2 = 0,
               now() - (${customers} - n) * interval '13 minutes'
        FROM generate_series(1, ${customers}) AS n;
      INSERT INTO "Order" ("id", "storeId", "number", "customerId", "status", "totalCents", "itemCount", "createdAt")
        SELECT ${uidSql(`order${store}`, "n")}, ${uidSql("store", String(store))}, 1000 + n, ${uidSql(`cust${store}`, `1 + (n::bigint * 13) % ${customers}`)},
               (ARRAY['OPEN','FULFILLED','FULFILLED','FULFILLED','CANCELLED','REFUNDED'])[1 + n % 6]::"OrderStatus",
               500 + (n * 7919) % 50000, 1 + n % 5, now() - (${orders} - n) * interval '5 minutes'
        FROM generate_series(1, ${orders}) AS n;
      INSERT INTO "Product" ("id", "storeId", "title", "description", "status", "priceCents", "inventory", "sku", "createdAt", "updatedAt")
        SELECT ${uidSql(`product${store}`, "n")}, ${uidSql("store", String(store))},
               (ARRAY['Linen shirt','Wool scarf','Ceramic mug','Oak board','Tea tin','Notebook','Candle','Tote bag'])[1 + n % 8] || ' #' || n,
               'A fine product.', (ARRAY['ACTIVE','ACTIVE','ACTIVE','DRAFT','ARCHIVED'])[1 + n % 5]::"ProductStatus",
               100 + (n * 104729) % 20000, n % 300, 'SKU-' || lpad(n::text, 6, '0'), now() - (${products} - n) * interval '1 hour',
               now() - (${products} - n) * interval '1 hour'
        FROM generate_series(1, ${products}) AS n;`,
    );
  }

  await step("VACUUM ANALYZE", database.kind === "postgres" ? "VACUUM ANALYZE" : "VACUUM ANALYZE");
  if (database.kind === "pglite") await step("CHECKPOINT", "CHECKPOINT");

  const counts = await countWorld(database);
  const seconds = (Date.now() - started) / 1000;
  log(
    `Seeded in ${seconds.toFixed(0)} s: ` +
      Object.entries(counts.tables)
        .map(([table, n]) => `${table} ${n.toLocaleString("en")}`)
        .join(", "),
  );
  const [org1] = counts.organizations;
  log(`  organization 1: ${org1.listed} listed stores, ${org1.pending} pending`);
  return { plan, counts, seconds };
}
