// The demo world (issue: Foundation). Every demo login uses the password `demo-password`.
// Nothing is requested or approved: the demo starts with no collaborator access.
import type { PrismaClient } from "../app/generated/prisma/client";
import { hashPassword } from "../app/lib/password.server";
import { generateCollaboratorCode } from "../app/domain/collaborator-code";
import { ALL_PERMISSIONS, type Permission } from "../app/domain/permissions";

export const DEMO_PASSWORD = "demo-password";

interface DemoStore {
  name: string;
  handle: string;
  owner: [string, string, string];
  plan: "BASIC" | "STANDARD" | "ADVANCED";
  codeRequired: boolean;
  staff: { email: string; firstName: string; lastName: string; permissions: Permission[] }[];
  catalogue: [string, number][];
}

const STORES: DemoStore[] = [
  {
    name: "Maple Goods",
    handle: "maple-goods",
    owner: ["owner@maple.test", "Marie", "Lapointe"],
    plan: "STANDARD",
    codeRequired: true,
    staff: [{ email: "sam@maple.test", firstName: "Sam", lastName: "Tremblay", permissions: ["home_view", "orders_manage", "products_view", "customers_view"] }],
    catalogue: [["Maple syrup, amber 500 ml", 1490], ["Birch wood cutting board", 4200], ["Wool throw, forest green", 8900], ["Cedar candle", 2400], ["Enamel camp mug", 1800], ["Flannel shirt", 6500], ["Pancake mix", 990], ["Hand-carved spoon", 2900]],
  },
  {
    name: "Harbor Tea",
    handle: "harbor-tea",
    owner: ["owner@harbor.test", "Hugo", "Marchand"],
    plan: "BASIC",
    codeRequired: false,
    staff: [],
    catalogue: [["Earl Grey, loose leaf 100 g", 1250], ["Sencha, 100 g", 1450], ["Rooibos vanilla, 100 g", 1100], ["Cast-iron teapot", 5900], ["Tea strainer", 900], ["Porcelain cup set", 3800]],
  },
  {
    name: "Atelier Lumière",
    handle: "atelier-lumiere",
    owner: ["owner@lumiere.test", "Léa", "Rousseau"],
    plan: "ADVANCED",
    codeRequired: true,
    staff: [{ email: "jules@lumiere.test", firstName: "Jules", lastName: "Bernard", permissions: ["home_view", "products_manage"] }],
    catalogue: [["Linen lampshade", 7800], ["Brass desk lamp", 18900], ["Ceramic vase", 4500], ["Beeswax candles, set of 4", 2200], ["Oak picture frame", 3100]],
  },
  {
    name: "Cedar & Pine Outfitters",
    handle: "cedar-pine",
    owner: ["owner@cedarpine.test", "Noah", "Fischer"],
    plan: "BASIC",
    codeRequired: true,
    staff: [],
    catalogue: [["Trail backpack 28 l", 11900], ["Merino socks", 1900], ["Headlamp", 3500], ["Insulated bottle", 2700]],
  },
];

const ORGANIZATIONS = [
  { name: "Northwind Agency", members: [["nadia@northwind.test", "Nadia", "Okafor", "OWNER"], ["omar@northwind.test", "Omar", "Haddad", "MEMBER"]] },
  { name: "Bluebird Studio", members: [["bea@bluebird.test", "Béa", "Lemoine", "OWNER"]] },
] as const;

const FIRST = ["Alice", "Bruno", "Chloé", "David", "Emma", "Félix", "Gabrielle", "Hugo", "Inès", "Jonas", "Karim", "Louise", "Mathis", "Nina", "Oscar", "Pauline", "Quentin", "Rose", "Simon", "Théa"];
const LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David"];
const CITIES = [["Paris", "FR"], ["Lyon", "FR"], ["Montréal", "CA"], ["Bruxelles", "BE"], ["Genève", "CH"], ["Nantes", "FR"], ["Québec", "CA"], ["Lille", "FR"]];

/** Deterministic, so the demo looks the same on every machine. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export async function seedDemoWorld(db: PrismaClient): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = new Map<string, string>();
  const user = async (email: string, firstName: string, lastName: string) => {
    if (!users.has(email)) {
      const created = await db.user.create({ data: { email, firstName, lastName, passwordHash } });
      users.set(email, created.id);
    }
    return users.get(email)!;
  };

  for (const org of ORGANIZATIONS) {
    const organization = await db.partnerOrganization.create({ data: { name: org.name } });
    for (const [email, firstName, lastName, role] of org.members) {
      await db.membership.create({ data: { organizationId: organization.id, userId: await user(email, firstName, lastName), role } });
    }
  }

  const base = new Date("2026-11-01T09:00:00Z").getTime();
  for (const [index, spec] of STORES.entries()) {
    const rand = random(index + 7);
    const [ownerEmail, ownerFirst, ownerLast] = spec.owner;
    const store = await db.store.create({
      data: {
        name: spec.name,
        domain: `${spec.handle}.portier.test`,
        contactEmail: ownerEmail,
        plan: spec.plan,
        collaboratorCode: generateCollaboratorCode(),
        collaboratorCodeRequired: spec.codeRequired,
        address: `${10 + index} rue du Commerce, ${CITIES[index % CITIES.length][0]}`,
      },
    });
    await db.staffAccount.create({
      data: { storeId: store.id, userId: await user(ownerEmail, ownerFirst, ownerLast), email: ownerEmail, firstName: ownerFirst, lastName: ownerLast, isOwner: true, status: "ACTIVE", permissions: ALL_PERMISSIONS },
    });
    for (const member of spec.staff) {
      await db.staffAccount.create({
        data: { storeId: store.id, userId: await user(member.email, member.firstName, member.lastName), email: member.email, firstName: member.firstName, lastName: member.lastName, status: "ACTIVE", permissions: member.permissions },
      });
    }
    await db.activityLog.create({
      data: { action: "store.created", storeId: store.id, actorUserId: users.get(ownerEmail), actorLabel: `${ownerFirst} ${ownerLast} <${ownerEmail}>`, actorKind: "owner", subject: store.domain, createdAt: new Date(base) },
    });

    await db.product.createMany({
      data: spec.catalogue.map(([title, priceCents], i) => ({
        storeId: store.id,
        title,
        priceCents,
        inventory: Math.floor(rand() * 80),
        sku: `${spec.handle.slice(0, 3).toUpperCase()}-${100 + i}`,
        status: i === spec.catalogue.length - 1 ? ("DRAFT" as const) : ("ACTIVE" as const),
        description: `${title}, from ${spec.name}.`,
        createdAt: new Date(base - (spec.catalogue.length - i) * 86_400_000),
      })),
    });

    const customerCount = 18 + index * 7;
    const customers = Array.from({ length: customerCount }, (_, i) => {
      const firstName = FIRST[Math.floor(rand() * FIRST.length)];
      const lastName = LAST[Math.floor(rand() * LAST.length)];
      const [city, country] = CITIES[Math.floor(rand() * CITIES.length)];
      return {
        storeId: store.id,
        firstName,
        lastName,
        email: `${firstName}.${lastName}.${i}@example.test`.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""),
        phone: `+33 6 ${String(10_000_000 + Math.floor(rand() * 89_999_999)).replace(/(\d{2})(?=\d)/g, "$1 ")}`,
        city,
        country,
        acceptsMarketing: rand() > 0.5,
        createdAt: new Date(base - Math.floor(rand() * 200) * 86_400_000),
      };
    });
    await db.customer.createMany({ data: customers });
    const customerIds = (await db.customer.findMany({ where: { storeId: store.id }, select: { id: true } })).map((c) => c.id);

    const statuses = ["OPEN", "FULFILLED", "FULFILLED", "FULFILLED", "CANCELLED", "REFUNDED"] as const;
    const orderCount = 30 + index * 12;
    await db.order.createMany({
      data: Array.from({ length: orderCount }, (_, i) => {
        const items = 1 + Math.floor(rand() * 4);
        return {
          storeId: store.id,
          number: 1001 + i,
          customerId: customerIds[Math.floor(rand() * customerIds.length)],
          status: statuses[Math.floor(rand() * statuses.length)],
          itemCount: items,
          totalCents: spec.catalogue[Math.floor(rand() * spec.catalogue.length)][1] * items,
          createdAt: new Date(base - (orderCount - i) * 3_600_000 * 9),
        };
      }),
    });
  }
}

export function printDemoLogins(): void {
  const lines = [
    "Demo logins (password: demo-password)",
    "  Partners:  nadia@northwind.test, omar@northwind.test (Northwind Agency); bea@bluebird.test (Bluebird Studio)",
    "  Owners:    owner@maple.test (Maple Goods, code required), owner@harbor.test (Harbor Tea, no code),",
    "             owner@lumiere.test (Atelier Lumière), owner@cedarpine.test (Cedar & Pine Outfitters)",
    "  Staff:     sam@maple.test (Maple Goods), jules@lumiere.test (Atelier Lumière)",
    "  The owners see their store's collaborator request code in Settings.",
  ];
  console.log(lines.join("\n"));
}
