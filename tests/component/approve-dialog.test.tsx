// @vitest-environment jsdom
import { describe, expect, test, vi } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AppProvider } from "@shopify/polaris";
import enPolarisJson from "@shopify/polaris/locales/en.json";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import type { ReactNode } from "react";
import { I18nProvider } from "~/i18n/react";
import { ApproveDialog } from "~/components/ApproveDialog";
import { ALL_PERMISSIONS } from "~/domain/permissions";
import { refusalReply } from "~/domain/forms";

// Polaris reads the viewport on import; jsdom has no matchMedia.
vi.hoisted(async () => {
  // The router builds the fetcher's request body with the global URLSearchParams and hands it to Node's
  // Request, which only accepts its own class: use Node's here (jsdom's would be refused).
  globalThis.URLSearchParams = (await import("node:url")).URLSearchParams as unknown as typeof URLSearchParams;
  if (typeof window !== "undefined" && !window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
  }
});

const request = { id: "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", organizationName: "Bluebird Studio", permissions: ["orders_manage", "products_view"] };

/**
 * The dialog posts through a fetcher, so it needs a data router: the route's action stands in for the
 * page's action and records what the browser sent.
 */
function renderDialog(options: { granter?: string[]; answer?: (form: FormData) => Response | object; onClose?: () => void; locale?: "en" | "fr" } = {}) {
  const sent: Record<string, string>[] = [];
  const onClose = options.onClose ?? vi.fn();
  const ui = (children: ReactNode) => (
    <AppProvider i18n={enPolarisJson}>
      <I18nProvider locale={options.locale ?? "en"}>{children}</I18nProvider>
    </AppProvider>
  );
  const router = createMemoryRouter(
    [
      {
        path: "/requests",
        element: ui(<ApproveDialog open onClose={onClose} request={request} granter={options.granter ?? ALL_PERMISSIONS} />),
        action: async ({ request: req }) => {
          const form = await req.formData();
          sent.push(Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])));
          return options.answer ? options.answer(form) : { ok: true };
        },
      },
    ],
    { initialEntries: ["/requests"] },
  );
  render(<RouterProvider router={router} />);
  return { sent, onClose };
}

const select = (name: string) => screen.getByLabelText(name) as HTMLSelectElement;

describe("the approve dialog", () => {
  test("starts from the requested permissions and never offers Users and permissions", () => {
    renderDialog();
    const dialog = screen.getByRole("dialog");
    expect(within(dialog).getByText("Approve Bluebird Studio")).toBeTruthy();
    expect(select("Orders").value).toBe("manage");
    expect(select("Products").value).toBe("view");
    expect(select("Customers").value).toBe("");
    expect(within(dialog).queryByLabelText("Users and permissions")).toBeNull();
  });

  test("the owner narrows the permissions, confirms, and exactly the chosen ones are posted", async () => {
    const user = userEvent.setup();
    const { sent, onClose } = renderDialog();
    await user.selectOptions(select("Orders"), "view");
    await user.selectOptions(select("Home"), "view");
    await user.click(screen.getByRole("button", { name: "Approve" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ intent: "approve", requestId: request.id, "perm.orders": "view", "perm.products": "view", "perm.home": "view", "perm.customers": "", "perm.settings": "" });
    expect(Object.keys(sent[0]).some((key) => key === "perm.staff")).toBe(false);
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  test("a refusal stays in the dialog, beside the permissions", async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    renderDialog({ onClose, answer: () => refusalReply({ permissions: "errors.permissions.empty" }) });
    await user.selectOptions(select("Orders"), "");
    await user.selectOptions(select("Products"), "");
    await user.click(screen.getByRole("button", { name: "Approve" }));
    expect(await screen.findByText("Choose at least one section.")).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });

  test("the partner cancelled a moment ago: the dialog says so", async () => {
    const user = userEvent.setup();
    renderDialog({ answer: () => refusalReply({ form: "store.requests.errors.cancelled" }) });
    await user.click(screen.getByRole("button", { name: "Approve" }));
    expect(await screen.findByText("The partner cancelled this request a moment ago. There is nothing left to decide.")).toBeTruthy();
  });

  test("a staff member can't pick a level above their own", () => {
    renderDialog({ granter: ["staff_manage", "orders_view", "home_manage"] });
    const orders = select("Orders");
    expect((within(orders).getByRole("option", { name: "Manage" }) as HTMLOptionElement).disabled).toBe(true);
    expect((within(orders).getByRole("option", { name: "View" }) as HTMLOptionElement).disabled).toBe(false);
    expect((within(select("Settings")).getByRole("option", { name: "View" }) as HTMLOptionElement).disabled).toBe(true);
    expect((within(select("Home")).getByRole("option", { name: "Manage" }) as HTMLOptionElement).disabled).toBe(false);
  });

  test("speaks French", () => {
    renderDialog({ locale: "fr" });
    expect(screen.getByText("Approuver Bluebird Studio")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Approuver" })).toBeTruthy();
  });
});

// Collaborator access over time
describe("the approve dialog's end date", () => {
  test("an optional end date is posted with the decision; a refusal shows beside it", async () => {
    const user = userEvent.setup();
    const { sent } = renderDialog({ answer: () => refusalReply({ endsOn: "expiry.errors.past" }) });
    const field = screen.getByLabelText("End date (optional)") as HTMLInputElement;
    expect(field.type).toBe("date");
    await user.type(field, "2027-03-31");
    await user.click(screen.getByRole("button", { name: "Approve" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ intent: "approve", endsOn: "2027-03-31" });
    expect(await screen.findByText("Choose a date after today.")).toBeTruthy();
  });

  test("speaks French", () => {
    renderDialog({ locale: "fr" });
    expect(screen.getByLabelText("Date de fin (facultatif)")).toBeTruthy();
  });
});
