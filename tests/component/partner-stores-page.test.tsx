// @vitest-environment jsdom
// The partner's Stores page as the browser shows it: the list with its badges and buttons, and what a row
// action answers. The page's action stands in for the server's, and answers as respond() does.
import { describe, expect, test, vi } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AppProvider, Frame } from "@shopify/polaris";
import enPolarisJson from "@shopify/polaris/locales/en.json";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { I18nProvider } from "~/i18n/react";
import { LinkAdapter } from "~/components/LinkAdapter";
import PartnerStores from "~/routes/partners.$orgId.stores._index";
import { refusalReply } from "~/domain/forms";
import { encodeMessage } from "~/i18n/messages";
import type { AccessState } from "~/domain/request-lifecycle";
import type { PartnerStoreRow } from "~/services/partner-stores.server";

vi.hoisted(async () => {
  // The router builds the fetcher's request body with the global URLSearchParams and hands it to Node's
  // Request, which only accepts its own class: use Node's here (jsdom's would be refused).
  globalThis.URLSearchParams = (await import("node:url")).URLSearchParams as unknown as typeof URLSearchParams;
  if (typeof window !== "undefined" && !window.ResizeObserver) {
    window.ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  }
  if (typeof window !== "undefined" && !window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
  }
});

const orgId = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
const base = `/partners/${orgId}/stores`;
let next = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++next).padStart(12, "0")}`;

function storeRow(storeName: string, state: AccessState, permissions: string[] = ["orders_manage", "products_view"], over: Partial<OverTime> = {}) {
  const accessId = uuid();
  const overTime: OverTime = { endsAt: null, inactiveEndsAt: null, endedReason: null, inactivityDays: 90, remindedAt: null, grantDifferences: [], ...over };
  return { id: accessId, accessId, storeId: uuid(), storeName, storeDomain: `${storeName.toLowerCase().replace(/ /g, "-")}.portier.test`, state, permissions, requestId: state === "PENDING" ? uuid() : null, updatedAt: new Date("2026-11-30T10:00:00Z"), ...overTime };
}
/** Collaborator access over time (the row's end dates, reminder and granted-against-asked). */
type OverTime = Pick<PartnerStoreRow, "endsAt" | "inactiveEndsAt" | "endedReason" | "inactivityDays" | "remindedAt" | "grantDifferences">;

function renderStores(options: { rows: ReturnType<typeof storeRow>[]; pending?: number; answer?: (form: FormData) => Response | object; locale?: "en" | "fr" }) {
  const sent: Record<string, string>[] = [];
  let loads = 0;
  const router = createMemoryRouter(
    [
      {
        path: base,
        element: (
          <AppProvider i18n={enPolarisJson} linkComponent={LinkAdapter}>
            <I18nProvider locale={options.locale ?? "en"}>
              <Frame>
                <PartnerStores />
              </Frame>
            </I18nProvider>
          </AppProvider>
        ),
        loader: () => {
          loads++;
          const pending = options.pending ?? options.rows.filter((row) => row.state === "PENDING").length;
          return {
            organization: { id: orgId, name: "Northwind Agency" },
            query: { q: "", status: "" },
            items: options.rows,
            pageInfo: { hasPrevious: false, hasNext: false, startCursor: null, endCursor: null },
            counter: { pending, limit: 10, full: pending >= 10 },
          };
        },
        action: async ({ request }) => {
          const form = await request.formData();
          sent.push(Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])));
          return options.answer ? options.answer(form) : new Response(null, { status: 302, headers: { Location: base } });
        },
      },
    ],
    { initialEntries: [base] },
  );
  render(<RouterProvider router={router} />);
  return { sent, loads: () => loads };
}

/** What the server's action answers when the owner decided a moment earlier: 409, the message for the form. */
const conflict = (key: string) => new Response(JSON.stringify(refusalReply({ form: encodeMessage(key) })), { status: 409, headers: { "Content-Type": "application/json" } });

const row = (store: string) => screen.getAllByRole("row").find((r) => within(r).queryByText(store))!;

describe("the Stores page", () => {
  test("lists each store with its state, its permissions and the buttons its state allows", async () => {
    renderStores({ rows: [storeRow("Maple Goods", "PENDING"), storeRow("Harbor Tea", "MANAGED"), storeRow("Old Mill", "REMOVED", []), storeRow("Fir Shop", "DECLINED")] });
    expect(await screen.findByText("1 of 10 pending requests")).toBeTruthy();
    expect(within(row("Maple Goods")).getByText("Pending")).toBeTruthy();
    expect(within(row("Maple Goods")).getByText("Orders: Manage, Products: View")).toBeTruthy();
    expect(within(row("Maple Goods")).getByRole("button", { name: "Cancel request to Maple Goods" })).toBeTruthy();
    expect(within(row("Harbor Tea")).getByRole("button", { name: "Log in to Harbor Tea" })).toBeTruthy();
    expect(within(row("Harbor Tea")).getByRole("button", { name: "Remove access to Harbor Tea" })).toBeTruthy();
    expect(within(row("Old Mill")).getByText("No permissions")).toBeTruthy();
    expect(within(row("Old Mill")).getByRole("button", { name: "Remove Old Mill from list" })).toBeTruthy();
    expect(within(row("Fir Shop")).getByRole("button", { name: "Dismiss declined request to Fir Shop" })).toBeTruthy();
  });

  test("nothing yet: the first-time empty state, with the way to request access", async () => {
    renderStores({ rows: [] });
    expect(await screen.findByText("Request access to your clients' stores")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Request access to store" }).getAttribute("href")).toBe(`${base}/request`);
  });

  test("at the cap, the page says so", async () => {
    renderStores({ rows: [storeRow("Maple Goods", "PENDING")], pending: 10 });
    expect(await screen.findByText(/You have 10 pending requests, the limit/)).toBeTruthy();
  });

  test("Cancel request asks first, then posts the request's id", async () => {
    const user = userEvent.setup();
    const pending = storeRow("Maple Goods", "PENDING");
    const { sent } = renderStores({ rows: [pending] });
    await user.click(await screen.findByRole("button", { name: "Cancel request to Maple Goods" }));
    const dialog = screen.getByRole("dialog");
    expect(within(dialog).getByText("Cancel the request to Maple Goods?")).toBeTruthy();
    expect(within(dialog).getByRole("button", { name: "Keep request" })).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Cancel access request" }));
    await waitFor(() => expect(sent).toEqual([{ intent: "cancel", id: pending.requestId }]));
  });

  test("the owner approved a moment earlier: the dialog closes, the news shows above the list, and the list reloads", async () => {
    const user = userEvent.setup();
    const { loads } = renderStores({ rows: [storeRow("Maple Goods", "PENDING")], answer: () => conflict("partner.stores.outcome.APPROVED") });
    await user.click(await screen.findByRole("button", { name: "Cancel request to Maple Goods" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Cancel access request" }));
    const news = await screen.findByText("The store owner approved this request a moment ago: the store is now managed.");
    expect(news.getAttribute("role")).toBe("status");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(loads()).toBe(2);
  });

  test("Log in refused because the access changed: an error above the list", async () => {
    const user = userEvent.setup();
    const managed = storeRow("Harbor Tea", "MANAGED");
    const { sent } = renderStores({ rows: [managed], answer: () => conflict("partner.stores.errors.suspended") });
    await user.click(await screen.findByRole("button", { name: "Log in to Harbor Tea" }));
    const error = await screen.findByText("The store owner has suspended your organization's access to this store. Ask them to resume it.");
    expect(error.getAttribute("role")).toBe("alert");
    expect(sent).toEqual([{ intent: "login", id: managed.accessId }]);
  });

  // feature-logs: bulk removal
  test("several managed stores selected: one confirmation naming them posts their ids; other rows cannot be selected", async () => {
    const user = userEvent.setup();
    const a = storeRow("Harbor Tea", "MANAGED");
    const b = storeRow("Cedar Pine", "SUSPENDED");
    const pending = storeRow("Maple Goods", "PENDING");
    const { sent } = renderStores({ rows: [a, b, pending] });
    await screen.findByText("Harbor Tea");
    const box = (store: string) => within(row(store)).getByRole("checkbox");
    expect((box("Maple Goods") as HTMLInputElement).disabled).toBe(true);
    await user.click(box("Harbor Tea"));
    await user.click(box("Cedar Pine"));
    await user.click(screen.getByRole("button", { name: "Remove access" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("Remove access to 2 stores?")).toBeTruthy();
    expect(within(dialog).getByText("Harbor Tea")).toBeTruthy();
    expect(within(dialog).getByText("Cedar Pine")).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Remove stores" }));
    await waitFor(() => expect(sent).toEqual([{ intent: "removeAccesses", ids: `${a.accessId},${b.accessId}` }]));
  });
});

// Collaborator access over time
describe("the Stores page over time", () => {
  const rows = () => [
    storeRow("Harbor Tea", "MANAGED", ["orders_view", "customers_view"], {
      endsAt: new Date("2027-03-31T00:00:00Z"),
      grantDifferences: [
        { section: "orders", asked: "manage", granted: "view" },
        { section: "products", asked: "view", granted: null },
      ],
    }),
    storeRow("Maple Goods", "PENDING", undefined, { remindedAt: new Date("2026-11-28T09:00:00Z") }),
    storeRow("Old Mill", "REMOVED", [], { endedReason: "end_date" }),
    storeRow("Fir Shop", "MANAGED", undefined, { inactiveEndsAt: new Date("2026-12-07T00:00:00Z") }),
  ];

  test("shows the end date, the reminder, why an access ended, and what was granted against what was asked", async () => {
    renderStores({ rows: rows() });
    await screen.findByText("Harbor Tea");
    expect(await within(row("Harbor Tea")).findByText("Expires on Mar 31, 2027")).toBeTruthy();
    expect(within(row("Harbor Tea")).getByText("Orders: asked Manage, granted View")).toBeTruthy();
    expect(within(row("Harbor Tea")).getByText("Products: asked View, granted none")).toBeTruthy();
    expect(within(row("Maple Goods")).getByText("Owner reminded on Nov 28, 2026")).toBeTruthy();
    expect(within(row("Old Mill")).getByText("End date reached")).toBeTruthy();
    expect(within(row("Fir Shop")).getByText("Unused: ends on Dec 7, 2026 unless someone logs in")).toBeTruthy();
  });

  test("in French too", async () => {
    renderStores({ rows: rows(), locale: "fr" });
    await screen.findByText("Harbor Tea");
    expect(await within(row("Harbor Tea")).findByText(/^Expire le 31 mars 2027$/)).toBeTruthy();
    expect(within(row("Harbor Tea")).getByText(/demandé : Gérer, accordé : Voir/)).toBeTruthy();
    expect(within(row("Maple Goods")).getByText(/^Propriétaire relancé le 28 nov\. 2026$/)).toBeTruthy();
    expect(within(row("Old Mill")).getByText("Date de fin atteinte")).toBeTruthy();
  });
});
