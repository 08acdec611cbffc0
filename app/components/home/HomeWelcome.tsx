// Home for someone without the `home` section: a welcome that points to the navigation.
import { Card, EmptyState, Page } from "@shopify/polaris";
import type { StoreSummary } from "~/services/store-access.server";
import { useT } from "~/i18n/react";

export function HomeWelcome({ store }: { store: StoreSummary }) {
  const t = useT();
  return (
    <Page title={t("permission.section.home")}>
      <Card>
        <EmptyState heading={t("store.home.noAccess.title")} image="/empty-state.svg">
          <p>{t("store.home.noAccess.body")}</p>
          <p>
            {store.name} · {store.domain}
          </p>
        </EmptyState>
      </Card>
    </Page>
  );
}
