import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { Banner, Box } from "@shopify/polaris";
import { HomeIcon, OrderIcon, ProductIcon, PersonIcon, SettingsIcon, PersonLockIcon } from "@shopify/polaris-icons";
import { requireStoreActor } from "~/services/guards.server";
import { storeFrame } from "~/services/store-frame.server";
import { AppFrame, type NavItem } from "~/components/AppFrame";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { can, SECTIONS, SECTION_PATHS, type Section } from "~/domain/permissions";
import { useT } from "~/i18n/react";

export async function loader(args: LoaderFunctionArgs) {
  const { session, actor } = await requireStoreActor(args, args.params.storeId);
  return storeFrame(session, actor);
}

const ICONS: Record<Section, NavItem["icon"]> = {
  home: HomeIcon,
  orders: OrderIcon,
  products: ProductIcon,
  customers: PersonIcon,
  settings: SettingsIcon,
  staff: PersonLockIcon,
};

export default function StoreAdmin() {
  const t = useT();
  const { store, actor, user, workspaces, pendingRequests, unreadNotifications } = useLoaderData<typeof loader>();
  const base = `/store/${store.id}`;
  const navItems: NavItem[] = SECTIONS.filter((section) => can(actor.permissions, section, "view")).map((section) => ({
    label: t(`permission.section.${section}`),
    url: `${base}${SECTION_PATHS[section]}`,
    icon: ICONS[section],
    exact: section === "home",
    badge:
      section === "staff" && pendingRequests > 0
        ? String(pendingRequests)
        : section === "home" && unreadNotifications > 0
          ? String(unreadNotifications)
          : undefined,
  }));
  return (
    <AppFrame
      context={store.name}
      contextLabel={actor.organizationName ? t("store.frame.collaboratorOf", { organization: actor.organizationName }) : store.domain}
      userName={user.name}
      workspaces={workspaces}
      navItems={navItems}
    >
      {actor.kind === "collaborator" && (
        <Box padding="400" paddingBlockEnd="0">
          <Banner tone="info">{t("store.frame.collaboratorBanner", { organization: actor.organizationName ?? "", store: store.name })}</Banner>
        </Box>
      )}
      <Outlet />
    </AppFrame>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
