// @vitest-environment jsdom
// The frame's navigation, in a data router as Remix runs it: a click on the item of the page one is on
// loads that page afresh (its loader runs again), so what changed meanwhile shows, e.g. a request the
// owner approved while the partner looked at Stores.
import { describe, expect, test, vi } from "vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AppProvider } from "@shopify/polaris";
import enPolarisJson from "@shopify/polaris/locales/en.json";
import { createMemoryRouter, Outlet, RouterProvider, useLoaderData } from "react-router-dom";
import { I18nProvider } from "~/i18n/react";
import { AppFrame } from "~/components/AppFrame";
import { LinkAdapter } from "~/components/LinkAdapter";

// Polaris reads the viewport on import and watches the user menu's size; jsdom has neither.
vi.hoisted(() => {
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

const base = "/partners/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";

function Frame() {
  return (
    <AppProvider i18n={enPolarisJson} linkComponent={LinkAdapter}>
      <I18nProvider locale="en">
        <AppFrame
          context="Northwind Agency"
          contextLabel="Northwind Agency"
          userName="Nadia Okafor"
          workspaces={{ organizations: [], stores: [] }}
          navItems={[
            { label: "Stores", url: `${base}/stores` },
            { label: "Activity", url: `${base}/activity` },
          ]}
        >
          <Outlet />
        </AppFrame>
      </I18nProvider>
    </AppProvider>
  );
}

function Page({ name }: { name: string }) {
  const { state } = useLoaderData() as { state: string };
  return <p>{`${name}: ${state}`}</p>;
}

/** Stores says what the database says at the moment its loader runs. */
function renderDashboard(initial: string) {
  const database = { state: "Pending" };
  const loads = { stores: 0 };
  const router = createMemoryRouter(
    [
      {
        path: base,
        element: <Frame />,
        children: [
          {
            path: "stores",
            loader: () => {
              loads.stores++;
              return { state: database.state };
            },
            element: <Page name="Stores" />,
          },
          { path: "activity", loader: () => ({ state: "log" }), element: <Page name="Activity" /> },
        ],
      },
    ],
    { initialEntries: [initial] },
  );
  render(<RouterProvider router={router} />);
  return { database, loads, router };
}

const navLink = (name: string) => within(screen.getByRole("navigation")).getByRole("link", { name });

describe("the frame's navigation", () => {
  test("the item of the current page loads it afresh", async () => {
    const user = userEvent.setup();
    const { database, loads, router } = renderDashboard(`${base}/stores`);
    expect(await screen.findByText("Stores: Pending")).toBeTruthy();
    database.state = "Managed";
    await user.click(navLink("Stores"));
    expect(await screen.findByText("Stores: Managed")).toBeTruthy();
    expect(loads.stores).toBe(2);
    // Loading the same page again does not add a step to the history.
    expect(router.state.historyAction).toBe("REPLACE");
  });

  test("from a tab or a search of the page, the item leads to the page itself", async () => {
    const user = userEvent.setup();
    const { router } = renderDashboard(`${base}/stores?status=pending&q=maple`);
    expect(await screen.findByText("Stores: Pending")).toBeTruthy();
    await user.click(navLink("Stores"));
    await vi.waitFor(() => expect(router.state.location.search).toBe(""));
    expect(router.state.location.pathname).toBe(`${base}/stores`);
  });

  test("another item goes to its page, and shows as the selected one", async () => {
    const user = userEvent.setup();
    renderDashboard(`${base}/stores`);
    expect(await screen.findByText("Stores: Pending")).toBeTruthy();
    await user.click(navLink("Activity"));
    expect(await screen.findByText("Activity: log")).toBeTruthy();
    expect(navLink("Activity").className).toMatch(/Item--selected/);
    expect(navLink("Stores").className).not.toMatch(/Item--selected/);
  });
});
