import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Card, EmptyState, Layout, Page, ResourceItem, ResourceList, Text } from "@shopify/polaris";
import { requireUser } from "~/services/guards.server";
import { listWorkspaces } from "~/services/workspaces.server";
import { AccountFrame } from "~/components/AccountFrame";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Your workspaces · Portier" }];

export async function loader(args: LoaderFunctionArgs) {
  const { session } = await requireUser(args);
  const workspaces = await listWorkspaces(session.user.id);
  return { user: session.user, ...workspaces };
}

export default function Account() {
  const t = useT();
  const { user, organizations, stores } = useLoaderData<typeof loader>();
  return (
    <AccountFrame name={`${user.firstName} ${user.lastName}`}>
      <Page title={t("account.title")} subtitle={t("account.subtitle")}>
        <Layout>
          <Layout.Section variant="oneHalf">
            <Card padding="0">
              <BlockStack>
                <div style={{ padding: "1rem" }}>
                  <Text as="h2" variant="headingMd">
                    {t("common.organizations")}
                  </Text>
                </div>
                {organizations.length === 0 ? (
                  <EmptyState
                    heading={t("account.organizations.empty.title")}
                    action={{ content: t("account.organizations.create"), url: "/organizations/new" }}
                    image="/empty-state.svg"
                  >
                    <p>{t("account.organizations.empty.body")}</p>
                  </EmptyState>
                ) : (
                  <ResourceList
                    items={organizations}
                    renderItem={(org) => (
                      <ResourceItem id={org.id} url={`/partners/${org.id}/stores`} accessibilityLabel={t("account.open", { name: org.name })}>
                        <Text as="h3" variant="bodyMd" fontWeight="semibold">
                          {org.name}
                        </Text>
                      </ResourceItem>
                    )}
                  />
                )}
                {organizations.length > 0 && (
                  <div style={{ padding: "1rem" }}>
                    <a href="/organizations/new">{t("account.organizations.create")}</a>
                  </div>
                )}
              </BlockStack>
            </Card>
          </Layout.Section>
          <Layout.Section variant="oneHalf">
            <Card padding="0">
              <BlockStack>
                <div style={{ padding: "1rem" }}>
                  <Text as="h2" variant="headingMd">
                    {t("common.stores")}
                  </Text>
                </div>
                {stores.length === 0 ? (
                  <EmptyState heading={t("account.stores.empty.title")} action={{ content: t("account.stores.create"), url: "/stores/new" }} image="/empty-state.svg">
                    <p>{t("account.stores.empty.body")}</p>
                  </EmptyState>
                ) : (
                  <ResourceList
                    items={stores}
                    renderItem={(store) => (
                      <ResourceItem id={store.id} url={`/store/${store.id}`} accessibilityLabel={t("account.open", { name: store.name })}>
                        <BlockStack gap="100">
                          <Text as="h3" variant="bodyMd" fontWeight="semibold">
                            {store.name} {store.isOwner && <Badge>{t("account.stores.owner")}</Badge>}
                          </Text>
                          <Text as="p" tone="subdued">
                            {store.domain}
                          </Text>
                        </BlockStack>
                      </ResourceItem>
                    )}
                  />
                )}
                {stores.length > 0 && (
                  <div style={{ padding: "1rem" }}>
                    <a href="/stores/new">{t("account.stores.create")}</a>
                  </div>
                )}
              </BlockStack>
            </Card>
          </Layout.Section>
        </Layout>
      </Page>
    </AccountFrame>
  );
}
