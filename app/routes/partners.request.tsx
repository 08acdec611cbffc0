// The owner's request link, /partners/request?store=<domain>: the owner does not know the partner's
// organization, so this page sends a signed-in partner to their organization's request form with the
// Store URL filled in, or lets them choose when they belong to several (or create one when none).
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, EmptyState, Page, ResourceItem, ResourceList, Text } from "@shopify/polaris";
import { requireUser } from "~/services/guards.server";
import { normalizeStoreDomain } from "~/domain/store-url";
import { listWorkspaces } from "~/services/workspaces.server";
import { AccountFrame } from "~/components/AccountFrame";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Request access to store · Portier" }];

export async function loader(args: LoaderFunctionArgs) {
  const { session } = await requireUser(args);
  const raw = new URL(args.request.url).searchParams.get("store") ?? "";
  const domain = raw ? normalizeStoreDomain(raw) : null;
  const query = domain ? `?store=${encodeURIComponent(domain)}` : "";
  const { organizations } = await listWorkspaces(session.user.id);
  if (organizations.length === 1) return redirect(`/partners/${organizations[0].id}/stores/request${query}`);
  return { user: session.user, organizations, domain, query };
}

export default function RequestLink() {
  const t = useT();
  const { user, organizations, domain, query } = useLoaderData<typeof loader>();
  return (
    <AccountFrame name={`${user.firstName} ${user.lastName}`}>
      <Page narrowWidth title={t("store.requestLink.title")} backAction={{ content: t("common.back"), url: "/account" }}>
        <BlockStack gap="400">
          {domain && (
            <Text as="p">
              {t("store.requestLink.for", { domain })}
            </Text>
          )}
          <Card padding="0">
            {organizations.length === 0 ? (
              <EmptyState
                heading={t("store.requestLink.none.title")}
                action={{ content: t("account.organizations.create"), url: "/organizations/new" }}
                image="/empty-state.svg"
              >
                <p>{t("store.requestLink.none.body")}</p>
              </EmptyState>
            ) : (
              <BlockStack>
                <div style={{ padding: "1rem" }}>
                  <Text as="h2" variant="headingMd">
                    {t("store.requestLink.choose")}
                  </Text>
                </div>
                <ResourceList
                  items={organizations}
                  renderItem={(org) => (
                    <ResourceItem id={org.id} url={`/partners/${org.id}/stores/request${query}`} accessibilityLabel={t("store.requestLink.as", { organization: org.name })}>
                      <Text as="h3" variant="bodyMd" fontWeight="semibold">
                        {org.name}
                      </Text>
                    </ResourceItem>
                  )}
                />
              </BlockStack>
            )}
          </Card>
        </BlockStack>
      </Page>
    </AccountFrame>
  );
}
