// @vitest-environment jsdom
import { describe, expect, test, vi } from "vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AppProvider } from "@shopify/polaris";
import enPolarisJson from "@shopify/polaris/locales/en.json";
import { useState, type ReactNode } from "react";
import { I18nProvider } from "~/i18n/react";
import { PermissionPicker } from "~/components/PermissionPicker";
import { COLLABORATOR_SECTIONS, SECTIONS, type PermissionMap } from "~/domain/permissions";
import { parseSubmission } from "~/domain/forms";
import { withPermissions } from "~/domain/staff";

// Polaris reads the viewport on import; jsdom has no matchMedia.
vi.hoisted(() => {
  if (typeof window !== "undefined" && !window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
  }
});

function renderIn(ui: ReactNode, locale: "en" | "fr" = "en") {
  return render(
    <AppProvider i18n={enPolarisJson}>
      <I18nProvider locale={locale}>
        <form data-testid="form">{ui}</form>
      </I18nProvider>
    </AppProvider>,
  );
}

const formData = () => new FormData(screen.getByTestId("form") as HTMLFormElement);
const posted = () => Object.fromEntries([...formData().entries()].map(([name, value]) => [name, String(value)]));

describe("PermissionPicker", () => {
  test("one labelled choice per section, grouped under Permissions, starting from the given value", () => {
    renderIn(<PermissionPicker sections={COLLABORATOR_SECTIONS} value={{ orders: "manage", home: "view" }} />);
    const group = screen.getByRole("group", { name: "Permissions" });
    for (const label of ["Home", "Orders", "Products", "Customers", "Settings"]) expect(within(group).getByLabelText(label)).toBeTruthy();
    // Collaborators are never offered Users and permissions.
    expect(screen.queryByLabelText("Users and permissions")).toBeNull();
    expect((screen.getByLabelText("Orders") as HTMLSelectElement).value).toBe("manage");
    expect((screen.getByLabelText("Products") as HTMLSelectElement).value).toBe("");
    expect(within(screen.getByLabelText("Orders")).getAllByRole("option").map((o) => o.textContent)).toEqual(["No access", "View", "Manage"]);
  });

  test("posts perm.<section> fields that the server reads back into permissions", async () => {
    const user = userEvent.setup();
    renderIn(<PermissionPicker sections={COLLABORATOR_SECTIONS} value={{ home: "view" }} />);
    await user.selectOptions(screen.getByLabelText("Products"), "manage");
    await user.selectOptions(screen.getByLabelText("Home"), "");
    const fields = posted();
    expect(fields["perm.products"]).toBe("manage");
    expect(fields["perm.home"]).toBe("");
    // Read back the way the server's schemas read it (conform nests the fields under `perm`).
    const read = parseSubmission(formData(), withPermissions({}, COLLABORATOR_SECTIONS, { required: false }));
    expect(read.status === "success" && read.value.permissions).toEqual(["products_manage"]);
  });

  test("controlled: reports every change and shows what the parent holds", async () => {
    const user = userEvent.setup();
    const changes: PermissionMap[] = [];
    function Parent() {
      const [value, setValue] = useState<PermissionMap>({});
      return (
        <PermissionPicker
          sections={SECTIONS}
          value={value}
          onChange={(next) => {
            changes.push(next);
            setValue(next);
          }}
        />
      );
    }
    renderIn(<Parent />);
    await user.selectOptions(screen.getByLabelText("Users and permissions"), "view");
    await user.selectOptions(screen.getByLabelText("Orders"), "manage");
    expect(changes).toEqual([{ staff: "view" }, { staff: "view", orders: "manage" }]);
    expect((screen.getByLabelText("Orders") as HTMLSelectElement).value).toBe("manage");
  });

  test("a disabled section cannot be changed but keeps its level in the form", () => {
    const onChange = vi.fn();
    renderIn(<PermissionPicker sections={SECTIONS} value={{ staff: "manage" }} onChange={onChange} disabledSections={["staff"]} />);
    expect((screen.getByLabelText("Users and permissions") as HTMLSelectElement).disabled).toBe(true);
    expect(posted()["perm.staff"]).toBe("manage");
  });

  test("levels above the granter's are offered but not choosable", () => {
    renderIn(<PermissionPicker sections={COLLABORATOR_SECTIONS} value={{}} maxLevels={{ orders: "view" }} />);
    const options = within(screen.getByLabelText("Orders")).getAllByRole("option") as HTMLOptionElement[];
    expect(options.map((o) => [o.textContent, o.disabled])).toEqual([
      ["No access", false],
      ["View", false],
      ["Manage", true],
    ]);
    const products = within(screen.getByLabelText("Products")).getAllByRole("option") as HTMLOptionElement[];
    expect(products.every((o) => !o.disabled)).toBe(true);
  });

  test("an error is shown under the group and announced with it", () => {
    renderIn(<PermissionPicker sections={COLLABORATOR_SECTIONS} value={{}} error="Choose at least one section." />);
    const group = screen.getByRole("group", { name: "Permissions" });
    const message = screen.getByText("Choose at least one section.");
    const described = (group.getAttribute("aria-describedby") ?? "").split(" ");
    expect(described).toContain(message.closest("[id]")?.id);
  });

  test("speaks French", () => {
    renderIn(<PermissionPicker sections={COLLABORATOR_SECTIONS} value={{}} />, "fr");
    expect(screen.getByRole("group", { name: "Autorisations" })).toBeTruthy();
    expect(screen.getByLabelText("Commandes")).toBeTruthy();
  });
});
