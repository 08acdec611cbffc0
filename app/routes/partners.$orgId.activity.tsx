import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, EmptyState, IndexTable, Page, Text } from "@shopify/polaris";
import { requireMember } from "~/services/guards.server";
import { listPartnerActivity } from "~/services/partner-activity.server";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { useLocale, useT } from "~/i18n/react";
import { formatDate, isMessageKey } from "~/i18n";

export const meta: MetaFunction = () => [{ title: "Activity · Portier" }];

export async function loader(args: LoaderFunctionArgs) {
  const { organization } = await requireMember(args, args.params.orgId);
  const url = new URL(args.request.url);
  const page = await listPartnerActivity(organization.id, { after: url.searchParams.get("after"), before: url.searchParams.get("before") });
  return {
    organization: { id: organization.id, name: organization.name },
    page: {
      ...page,
      // Only what the page shows: the details may hold more than the partner needs to see.
      entries: page.entries.map(({ details: _details, ...entry }) => entry),
    },
  };
}

const STORE_SIDE = new Set(["owner", "staff", "system"]);

export default function PartnerActivity() {
  const t = useT();
  const locale = useLocale();
  const { organization, page } = useLoaderData<typeof loader>();
  const base = `/partners/${organization.id}/activity`;
  const describe = (action: string) => {
    // Actions the catalogue does not name yet (a newer kind of entry) still show, by their code.
    const key = `partner.activity.action.${action}`;
    return isMessageKey(key) ? t(key) : t("partner.activity.action.other", { action });
  };
  return (
    <Page title={t("partner.activity.title")} subtitle={t("partner.activity.subtitle")}>
      <Card padding="0">
        <IndexTable
          selectable={false}
          resourceName={{ singular: t("partner.activity.resource.singular"), plural: t("partner.activity.resource.plural") }}
          itemCount={page.entries.length}
          headings={[
            { title: t("partner.activity.column.date") },
            { title: t("partner.activity.column.event") },
            { title: t("partner.activity.column.store") },
            { title: t("partner.activity.column.person") },
          ]}
          emptyState={
            <EmptyState heading={t("partner.activity.empty.title")} image="/empty-state.svg">
              <p>{t("partner.activity.empty.body")}</p>
            </EmptyState>
          }
          pagination={
            page.previousCursor || page.nextCursor
              ? {
                  hasPrevious: Boolean(page.previousCursor),
                  hasNext: Boolean(page.nextCursor),
                  previousURL: page.previousCursor ? `${base}?before=${page.previousCursor}` : undefined,
                  nextURL: page.nextCursor ? `${base}?after=${page.nextCursor}` : undefined,
                  accessibilityLabel: t("partner.activity.pagination"),
                  accessibilityLabels: { previous: t("common.previous"), next: t("common.next") },
                }
              : undefined
          }
        >
          {page.entries.map((entry, index) => (
            <IndexTable.Row id={entry.id} key={entry.id} position={index}>
              <IndexTable.Cell>{formatDate(locale, entry.createdAt, true)}</IndexTable.Cell>
              <IndexTable.Cell>
                <Text as="span" fontWeight="semibold">
                  {describe(entry.action)}
                </Text>
              </IndexTable.Cell>
              <IndexTable.Cell>{entry.storeName ?? "—"}</IndexTable.Cell>
              <IndexTable.Cell>
                <BlockStack gap="050">
                  <Text as="span">{entry.actorLabel}</Text>
                  <Text as="span" tone="subdued" variant="bodySm">
                    {STORE_SIDE.has(entry.actorKind) ? t("partner.activity.by.store") : t("partner.activity.by.partner")}
                  </Text>
                </BlockStack>
              </IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      </Card>
    </Page>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
