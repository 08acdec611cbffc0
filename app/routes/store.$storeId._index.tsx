import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, EmptyState, Page, Text } from "@shopify/polaris";
import { requireStoreActor } from "~/lib/auth.server";
import { can } from "~/domain/permissions";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { useT } from "~/i18n/react";

/** Home. People without `home` see a welcome that points to the sections they have. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireStoreActor(request, params.storeId);
  return { store: actor.store, canSeeHome: can(actor.permissions, "home", "view") };
}

export default function StoreHome() {
  const t = useT();
  const { store, canSeeHome } = useLoaderData<typeof loader>();
  return (
    <Page title={t("permission.section.home")}>
      <BlockStack gap="400">
        <Card>
          <Text as="h2" variant="headingMd">
            {store.name}
          </Text>
          <Text as="p" tone="subdued">
            {store.domain}
          </Text>
        </Card>
        {!canSeeHome && (
          <Card>
            <EmptyState heading={t("store.home.noAccess.title")} image="">
              <p>{t("store.home.noAccess.body")}</p>
            </EmptyState>
          </Card>
        )}
      </BlockStack>
    </Page>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
