// Users and permissions: collaborator requests, collaborators and staff, for the owner and staff with
// `staff` access (never collaborators: the staff section cannot be granted to them).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData, useMatches } from "@remix-run/react";
import { Page, Tabs } from "@shopify/polaris";
import { requireSection } from "~/services/guards.server";
import { can } from "~/domain/permissions";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { useStoreFrame } from "~/components/useStoreFrame";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Users and permissions · Portier" }];

export type UsersTab = "requests" | "collaborators" | "staff";
export const USERS_TABS: UsersTab[] = ["requests", "collaborators", "staff"];

export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await requireSection(args, args.params.storeId, "staff", "view");
  return { storeId: actor.store.id, canManage: can(actor.permissions, "staff", "manage"), permissions: actor.permissions };
}

/** The tab pages set `handle.usersTab`; the staff member's own pages (add, detail) have their own Page. */
export default function UsersAndPermissions() {
  const t = useT();
  const { storeId, canManage } = useLoaderData<typeof loader>();
  // The frame counts pending requests for its navigation badge; the Requests tab shows the same number.
  const pending = useStoreFrame().pendingRequests;
  const matches = useMatches();
  const tab = (matches.at(-1)?.handle as { usersTab?: UsersTab } | undefined)?.usersTab;
  if (!tab) return <Outlet />;
  const base = `/store/${storeId}/users`;
  const tabs = USERS_TABS.map((id) => ({
    id: `users-${id}`,
    content: t(`store.users.tab.${id}`),
    url: `${base}/${id}`,
    badge: id === "requests" && pending > 0 ? String(pending) : undefined,
    panelID: "users-panel",
  }));
  return (
    <Page
      title={t("permission.section.staff")}
      primaryAction={tab === "staff" && canManage ? { content: t("store.staff.add"), url: `${base}/staff/new` } : undefined}
    >
      <Tabs tabs={tabs} selected={USERS_TABS.indexOf(tab)} />
      <div id="users-panel" role="tabpanel" aria-labelledby={`users-${tab}`} style={{ marginTop: "var(--p-space-400)" }}>
        <Outlet />
      </div>
    </Page>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
