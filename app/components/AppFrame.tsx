import { useLocation, useSubmit, useNavigation } from "@remix-run/react";
import { Frame, Navigation, TopBar, Loading } from "@shopify/polaris";
import { useCallback, useState, type ReactNode } from "react";
import { useLocale, useT } from "~/i18n/react";
import { FlashToast } from "./FlashToast";
import type { Workspaces } from "~/domain/workspace";

export interface NavItem {
  label: string;
  url: string;
  icon?: React.FunctionComponent<React.SVGProps<SVGSVGElement>>;
  badge?: string;
  /** Exact match only (for an index page whose children are other items). */
  exact?: boolean;
}

/**
 * The Polaris frame shared by the partner dashboard and the store admin: top bar with the person's name,
 * a workspace switcher, language and log out; navigation on the side.
 */
export function AppFrame({
  context,
  contextLabel,
  userName,
  workspaces,
  navItems,
  children,
}: {
  context: string;
  contextLabel: string;
  userName: string;
  workspaces: Workspaces;
  navItems: NavItem[];
  children: ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const navigation = useNavigation();
  const submit = useSubmit();
  const [userMenuOpen, setUserMenuOpen] = useState(false);
  const [mobileNavOpen, setMobileNavOpen] = useState(false);
  const toggleMobileNav = useCallback(() => setMobileNavOpen((open) => !open), []);

  const otherLocale = locale === "en" ? "fr" : "en";
  const userMenu = (
    <TopBar.UserMenu
      name={userName}
      detail={contextLabel}
      initials={userName.split(" ").map((part) => part[0]).join("").slice(0, 2).toUpperCase()}
      open={userMenuOpen}
      onToggle={() => setUserMenuOpen((open) => !open)}
      actions={[
        {
          items: [
            ...workspaces.organizations.map((org) => ({ content: org.name, url: `/partners/${org.id}/stores`, helpText: t("common.organizations") })),
            ...workspaces.stores.map((store) => ({ content: store.name, url: `/store/${store.id}`, helpText: store.domain })),
            { content: t("account.all"), url: "/account" },
          ],
        },
        {
          items: [
            {
              content: t(`common.language.${otherLocale}`),
              onAction: () => submit({ locale: otherLocale, redirectTo: location.pathname + location.search }, { method: "post", action: "/locale", navigate: true, reloadDocument: true } as never),
            },
            { content: t("common.logOut"), onAction: () => submit(null, { method: "post", action: "/logout" }) },
          ],
        },
      ]}
    />
  );

  const topBar = <TopBar showNavigationToggle userMenu={userMenu} onNavigationToggle={toggleMobileNav} />;

  // Polaris' Navigation swallows a click on the item whose link is its `location` (preventDefault, so the
  // router never hears of it): clicking "Stores" on Stores would show the page as it was loaded, not as
  // it is now. Navigation needs `location` only to choose the selected item, which we choose below; told
  // no location, it lets every click through, and a click on the current page's item is a same-URL
  // navigation, which Remix answers by running the page's loaders again (replacing the history entry).
  const nav = (
    <Navigation location="" ariaLabelledBy="portier-nav-title">
      <span id="portier-nav-title" hidden>
        {context}
      </span>
      <Navigation.Section
        title={context}
        items={navItems.map((item) => ({
          label: item.label,
          url: item.url,
          icon: item.icon,
          badge: item.badge,
          selected: item.exact ? location.pathname === item.url : location.pathname.startsWith(item.url),
        }))}
      />
    </Navigation>
  );

  return (
    <Frame
      topBar={topBar}
      navigation={nav}
      showMobileNavigation={mobileNavOpen}
      onNavigationDismiss={toggleMobileNav}
      skipToContentTarget={undefined}
      logo={{ topBarSource: "/favicon.svg", width: 28, accessibilityLabel: "Portier", url: "/account" }}
    >
      {navigation.state === "loading" && <Loading />}
      <FlashToast />
      <div id="main">{children}</div>
    </Frame>
  );
}
