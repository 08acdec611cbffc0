import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createOrganization, createStaff, createStore, createUser } from "../helpers/factories";
import { accessOf, actorFor, collaboratorSession, createPendingRequest, logOf, resolveFor } from "../helpers/store-factories";
import { getCodeSettings, getStoreDetails, regenerateCollaboratorCode, setCodeRequired, updateStoreDetails } from "~/services/store-settings.server";
import { approveRequest } from "~/services/collaborator-decisions.server";
import { requestAccess } from "~/services/access-requests.server";
import { generateCollaboratorCode } from "~/domain/collaborator-code";
import { storeDetailsSchema } from "~/domain/store-settings";
import { parseSubmission } from "~/domain/forms";
import { errorsOf, get, outcome, post, routeArgs, toastOf } from "../helpers/routes";
import { cookieFor } from "../helpers/sections-factories";
import * as settingsPage from "~/routes/store.$storeId.settings";
import { message } from "~/i18n/messages";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const details = { name: "Renamed", contactEmail: "hello@example.test", address: "1 rue X", currency: "CAD" as const, timezone: "America/Montreal", inactivityDays: 30 };

describe("the collaborator request code generator", () => {
  test("every one of the 10,000 codes can come out, from the platform's secure generator", () => {
    const seen = new Set<string>();
    let next = 0;
    const spy = vi.spyOn(globalThis.crypto, "getRandomValues").mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      (array as unknown as Uint32Array)[0] = next++;
      return array;
    });
    try {
      for (let i = 0; i < 10_000; i++) seen.add(generateCollaboratorCode());
    } finally {
      spy.mockRestore();
    }
    expect(seen.size).toBe(10_000);
    expect([...seen].every((code) => /^\d{4}$/.test(code))).toBe(true);
  });

  test("real codes are four digits and spread out", () => {
    const codes = Array.from({ length: 2000 }, generateCollaboratorCode);
    expect(codes.every((code) => /^\d{4}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(1700);
  });
});

describe("code settings are the owner's alone", () => {
  test("Generate new code: the old code stops working at once, the new one works, and it is logged without the code", async () => {
    const { store, owner } = await createStore({ code: "1234" });
    const ownerActor = await actorFor(owner, store.id);
    const partner = await createUser();
    const organization = await createOrganization({ members: [partner] });
    expect(await regenerateCollaboratorCode(ownerActor, store.id)).toEqual({ ok: true, value: undefined });
    const settings = await getCodeSettings(ownerActor, store.id);
    expect(settings?.code).toMatch(/^\d{4}$/);
    expect(settings?.code).not.toBe("1234");

    const ask = (code: string) => requestAccess(partner, organization.id, { storeDomain: store.domain, code, permissions: ["orders_view"], message: null });
    expect(await ask("1234")).toMatchObject({ ok: false, errors: { code: "partner.request.errors.code" } });
    expect(await ask(settings!.code)).toMatchObject({ ok: true });

    const [entry] = await logOf(store.id, "collaborator_code.regenerated");
    expect(entry.actorKind).toBe("owner");
    // Neither the old nor the new code is written anywhere in the entry.
    expect(entry).toMatchObject({ subject: null, details: {} });
  });

  test("turning the requirement off is logged; on again too", async () => {
    const { store, owner } = await createStore();
    const ownerActor = await actorFor(owner, store.id);
    expect(await setCodeRequired(ownerActor, store.id, false)).toEqual({ ok: true, value: undefined });
    expect((await getStoreDetails(store.id)) && (await t.db.store.findUniqueOrThrow({ where: { id: store.id } })).collaboratorCodeRequired).toBe(false);
    expect(await setCodeRequired(ownerActor, store.id, true)).toEqual({ ok: true, value: undefined });
    const entries = await logOf(store.id, "collaborator_code.requirement_changed");
    expect(entries.map((e) => e.details)).toEqual([{ required: false }, { required: true }]);
  });

  test("staff (even with every permission) and collaborators cannot see or change the code", async () => {
    const { store, owner } = await createStore({ code: "4321" });
    const manager = await createUser();
    await createStaff(store.id, manager, ["home_manage", "orders_manage", "products_manage", "customers_manage", "settings_manage", "staff_manage"]);
    const managerActor = await actorFor(manager, store.id);
    expect(await getCodeSettings(managerActor, store.id)).toBeNull();
    expect(await regenerateCollaboratorCode(managerActor, store.id)).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await setCodeRequired(managerActor, store.id, false)).toMatchObject({ ok: false, kind: "forbidden" });

    const partner = await createUser();
    const organization = await createOrganization({ members: [partner] });
    const request = await createPendingRequest({ organization, storeId: store.id, requester: partner });
    await approveRequest(await actorFor(owner, store.id), store.id, request.id, ["settings_manage", "home_view"]);
    const access = await accessOf(organization.id, store.id);
    const decision = await resolveFor(await collaboratorSession(partner, access.id), store.id);
    if (!decision.ok) throw new Error("collaborator refused");
    expect(await getCodeSettings(decision.actor, store.id)).toBeNull();
    expect(await regenerateCollaboratorCode(decision.actor, store.id)).toMatchObject({ ok: false, kind: "forbidden" });
    expect((await t.db.store.findUniqueOrThrow({ where: { id: store.id } })).collaboratorCode).toBe("4321");
  });

  test("failed attempts are shown grouped by organization, newest first, with who is waiting", async () => {
    const { store, owner } = await createStore({ code: "0000" });
    const ownerActor = await actorFor(owner, store.id);
    const guessers = [];
    for (const [name, wrong] of [["Guessing Co", 5], ["Typo Ltd", 1]] as const) {
      const partner = await createUser();
      const organization = await createOrganization({ name, members: [partner] });
      guessers.push(organization);
      for (let i = 0; i < wrong; i++) {
        expect(await requestAccess(partner, organization.id, { storeDomain: store.domain, code: String(1111 + i), permissions: ["orders_view"], message: null })).toMatchObject({ ok: false });
      }
    }
    const settings = await getCodeSettings(ownerActor, store.id);
    expect(settings?.failedAttempts).toMatchObject([
      { organizationName: "Typo Ltd", attempts: 1, blocked: false },
      { organizationName: "Guessing Co", attempts: 5, blocked: true },
    ]);
    expect(await t.db.collaboratorRequest.count({ where: { storeId: store.id } })).toBe(0);
  });
});

describe("store details", () => {
  test("settings:manage changes them, logged with the changed fields", async () => {
    const { store } = await createStore();
    const editor = await createUser();
    await createStaff(store.id, editor, ["settings_manage"]);
    expect(await updateStoreDetails(await actorFor(editor, store.id), store.id, details)).toEqual({ ok: true, value: undefined });
    expect(await getStoreDetails(store.id)).toMatchObject(details);
    const [entry] = await logOf(store.id, "store.details_updated");
    expect(entry).toMatchObject({ actorKind: "staff", subject: "Renamed" });
    expect((entry.details as { changed: string[] }).changed.sort()).toEqual(["address", "contactEmail", "currency", "inactivityDays", "name", "timezone"]);
  });

  test("settings:view sees them but the server refuses a write", async () => {
    const { store } = await createStore({ name: "Unchanged" });
    const viewer = await createUser();
    await createStaff(store.id, viewer, ["settings_view"]);
    expect(await updateStoreDetails(await actorFor(viewer, store.id), store.id, details)).toMatchObject({ ok: false, kind: "forbidden" });
    expect((await getStoreDetails(store.id)).name).toBe("Unchanged");
  });

  test("bad input is a field error, never a server error", () => {
    const posted = (fields: Record<string, string>) => parseSubmission(new URLSearchParams(fields), storeDetailsSchema);
    const parsed = posted({ name: "", contactEmail: "nope", address: "x".repeat(301), currency: "XXX", timezone: "Mars/Olympus", inactivityDays: "3" });
    expect(parsed.status).toBe("error");
    expect(errorsOf(parsed.reply())).toEqual({
      name: "errors.required",
      contactEmail: "errors.email.invalid",
      address: "errors.tooLong",
      currency: "store.settings.errors.currency",
      timezone: "store.settings.errors.timezone",
      inactivityDays: "store.settings.errors.inactivityDays",
    });
    // The address's limit comes with its message, from the schema's own rule.
    expect(parsed.reply().error?.address).toEqual([message("errors.tooLong", { max: 300 })]);
    const good = posted({ ...details, inactivityDays: "90" });
    if (good.status !== "success") throw new Error("refused");
    expect(good.value).toMatchObject({ inactivityDays: 90 });
  });
});

describe("the Settings page", () => {
  const page = (storeId: string) => `/store/${storeId}/settings`;
  const form = { intent: "details", name: "Nouveau nom", contactEmail: "shop@example.test", address: "", currency: "EUR", timezone: "Europe/Paris", inactivityDays: "60" };

  test("settings:view sees the details without the code; every write is a 403 and changes nothing", async () => {
    const { store } = await createStore({ name: "Unchanged" });
    const viewer = await createUser();
    await createStaff(store.id, viewer, ["settings_view"]);
    const cookie = await cookieFor(viewer);
    const params = { storeId: store.id };
    expect(await outcome(settingsPage.loader(routeArgs(get(page(store.id), cookie), params)))).toMatchObject({ status: 200, body: { canManage: false, code: null } });
    const writes: Record<string, string>[] = [form, { intent: "regenerate" }, { intent: "requirement", required: "false" }];
    for (const fields of writes) {
      expect([fields.intent, (await outcome(settingsPage.action(routeArgs(post(page(store.id), cookie, fields), params)))).status]).toEqual([fields.intent, 403]);
    }
    expect(await t.db.store.findUniqueOrThrow({ where: { id: store.id } })).toMatchObject({ name: "Unchanged", collaboratorCodeRequired: true });
  });

  test("the owner's bad details are a 400 per field; good ones save, back on Settings with a toast", async () => {
    const { store, owner } = await createStore();
    const cookie = await cookieFor(owner);
    const params = { storeId: store.id };
    const bad = await outcome(settingsPage.action(routeArgs(post(page(store.id), cookie, { ...form, name: "", contactEmail: "nope", currency: "ZZZ", timezone: "Nowhere/Town", inactivityDays: "-1" }), params)));
    expect(bad.status).toBe(400);
    expect(errorsOf(bad.body)).toEqual({
      name: "errors.required",
      contactEmail: "errors.email.invalid",
      currency: "store.settings.errors.currency",
      timezone: "store.settings.errors.timezone",
      inactivityDays: "store.settings.errors.inactivityDays",
    });
    const good = await outcome(settingsPage.action(routeArgs(post(page(store.id), cookie, form), params)));
    expect(good).toMatchObject({ status: 302, location: page(store.id) });
    expect(await toastOf(cookie)).toEqual({ key: "store.toast.detailsSaved" });
    expect(await t.db.store.findUniqueOrThrow({ where: { id: store.id } })).toMatchObject({ name: "Nouveau nom", inactivityDays: 60 });
  });

  test("the owner's code buttons answer with their toast", async () => {
    const { store, owner } = await createStore({ code: "1234" });
    const cookie = await cookieFor(owner);
    const params = { storeId: store.id };
    expect(await outcome(settingsPage.action(routeArgs(post(page(store.id), cookie, { intent: "regenerate" }), params)))).toMatchObject({ status: 302, location: page(store.id) });
    expect(await toastOf(cookie)).toEqual({ key: "store.toast.codeRegenerated" });
    expect((await t.db.store.findUniqueOrThrow({ where: { id: store.id } })).collaboratorCode).not.toBe("1234");
    await outcome(settingsPage.action(routeArgs(post(page(store.id), cookie, { intent: "requirement", required: "false" }), params)));
    expect(await toastOf(cookie)).toEqual({ key: "store.toast.codeNotRequired" });
    await outcome(settingsPage.action(routeArgs(post(page(store.id), cookie, { intent: "requirement", required: "true" }), params)));
    expect(await toastOf(cookie)).toEqual({ key: "store.toast.codeRequired" });
    const stale = await outcome(settingsPage.action(routeArgs(post(page(store.id), cookie, { intent: "requirement", required: "maybe" }), params)));
    expect(stale.status).toBe(400);
    expect(errorsOf(stale.body)).toEqual({ required: "errors.stale" });
    expect((await t.db.store.findUniqueOrThrow({ where: { id: store.id } })).collaboratorCodeRequired).toBe(true);
  });
});
