import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { StoreIcon, ListBulletedIcon, PersonIcon } from "@shopify/polaris-icons";
import { requireMember } from "~/services/guards.server";
import { listWorkspaces, SWITCHER_LIMIT } from "~/services/workspaces.server";
import { AppFrame } from "~/components/AppFrame";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { useT } from "~/i18n/react";

export async function loader(args: LoaderFunctionArgs) {
  const { session, organization, membership } = await requireMember(args, args.params.orgId);
  const workspaces = await listWorkspaces(session.user.id, SWITCHER_LIMIT);
  return {
    organization: { id: organization.id, name: organization.name },
    role: membership.role,
    user: { name: `${session.user.firstName} ${session.user.lastName}`, email: session.user.email },
    workspaces,
  };
}

export default function PartnerDashboard() {
  const t = useT();
  const { organization, user, workspaces } = useLoaderData<typeof loader>();
  const base = `/partners/${organization.id}`;
  return (
    <AppFrame
      context={organization.name}
      contextLabel={organization.name}
      userName={user.name}
      workspaces={workspaces}
      navItems={[
        { label: t("partner.nav.stores"), url: `${base}/stores`, icon: StoreIcon },
        { label: t("partner.nav.activity"), url: `${base}/activity`, icon: ListBulletedIcon },
        { label: t("partner.nav.members"), url: `${base}/members`, icon: PersonIcon },
      ]}
    >
      <Outlet />
    </AppFrame>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
