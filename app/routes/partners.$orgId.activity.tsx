// The organization's activity log: newest first, filtered by kind, person and days (in the address, so a
// filtered log can be shared and reloaded), by cursor, with the permission changes written out, and the
// CSV export of what the filters match (routes/partners.$orgId.activity[.]csv).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { BlockStack, Box, Card, EmptyState, IndexTable, InlineStack, Page, Text } from "@shopify/polaris";
import { requireMember } from "~/services/guards.server";
import { listPartnerActivity, partnerActivityPersonLabel } from "~/services/partner-activity.server";
import { activityFilters, activityQuery, PARTNER_ACTIVITY_KINDS, partnerActivityCsvPath, partnerActivityPeoplePath, type ActivityFilters } from "~/domain/activity-log";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { PermissionChanges } from "~/components/PermissionChanges";
import { ActivityFilterBar } from "~/components/home/ActivityFilterBar";
import { ActivityExportForm } from "~/components/home/ActivityExportForm";
import { useLocale, useT } from "~/i18n/react";
import { formatDate, isMessageKey, type Translate } from "~/i18n";

export const meta: MetaFunction = () => [{ title: "Activity · Portier" }];

export async function loader(args: LoaderFunctionArgs) {
  const { organization } = await requireMember(args, args.params.orgId);
  const url = new URL(args.request.url);
  const filters = activityFilters(url.searchParams, PARTNER_ACTIVITY_KINDS);
  const [page, personLabel] = await Promise.all([
    listPartnerActivity(organization.id, { after: url.searchParams.get("after"), before: url.searchParams.get("before"), filters }),
    filters.person ? partnerActivityPersonLabel(organization.id, filters.person) : null,
  ]);
  return {
    organization: { id: organization.id, name: organization.name },
    filters,
    personLabel,
    page: {
      ...page,
      // Only what the page shows: the details may hold more than the partner needs to see.
      entries: page.entries.map(({ details: _details, ...entry }) => entry),
    },
  };
}

const STORE_SIDE = new Set(["owner", "staff", "system"]);

function kindLabel(t: Translate, kind: (typeof PARTNER_ACTIVITY_KINDS)[number]): string {
  return kind === "organization" ? t("logs.partner.kind.organization") : t(`store.activity.kind.${kind}`);
}

export default function PartnerActivity() {
  const t = useT();
  const locale = useLocale();
  const submit = useSubmit();
  const navigation = useNavigation();
  const { organization, filters, personLabel, page } = useLoaderData<typeof loader>();
  const base = `/partners/${organization.id}/activity`;
  const at = (cursor: "before" | "after", id: string) => `${base}?${activityQuery(filters, [cursor, id]).toString()}`;
  const change = (name: keyof ActivityFilters, value: string) => submit(activityQuery({ ...filters, [name]: value || undefined }), { method: "get", preventScrollReset: true, replace: true });
  const filtered = Object.keys(filters).length > 0;
  const describe = (action: string) => {
    // Actions the catalogue does not name yet (a newer kind of entry) still show, by their code.
    const key = `partner.activity.action.${action}`;
    if (isMessageKey(key)) return t(key);
    const extra = `logs.partner.action.${action}`;
    return isMessageKey(extra) ? t(extra) : t("partner.activity.action.other", { action });
  };
  return (
    <Page title={t("partner.activity.title")} subtitle={t("partner.activity.subtitle")}>
      <Card padding="0">
        <Box padding="400">
          <BlockStack gap="300">
            <InlineStack align="end">
              <ActivityExportForm action={partnerActivityCsvPath(organization.id)} filters={filters} />
            </InlineStack>
            <ActivityFilterBar
              peopleSource={partnerActivityPeoplePath(organization.id)}
              kinds={PARTNER_ACTIVITY_KINDS.map((kind) => ({ value: kind, label: kindLabel(t, kind) }))}
              filters={filters}
              personLabel={personLabel}
              onChange={change}
            />
          </BlockStack>
        </Box>
        <IndexTable
          selectable={false}
          loading={navigation.state === "loading" && navigation.location?.pathname === base}
          resourceName={{ singular: t("partner.activity.resource.singular"), plural: t("partner.activity.resource.plural") }}
          itemCount={page.entries.length}
          headings={[
            { title: t("partner.activity.column.date") },
            { title: t("partner.activity.column.event") },
            { title: t("partner.activity.column.store") },
            { title: t("partner.activity.column.person") },
          ]}
          emptyState={
            filtered ? (
              <Box padding="400">
                <Text as="p" tone="subdued">
                  {t("logs.partner.emptyFiltered")}
                </Text>
              </Box>
            ) : (
              <EmptyState heading={t("partner.activity.empty.title")} image="/empty-state.svg">
                <p>{t("partner.activity.empty.body")}</p>
              </EmptyState>
            )
          }
          pagination={
            page.previousCursor || page.nextCursor
              ? {
                  hasPrevious: Boolean(page.previousCursor),
                  hasNext: Boolean(page.nextCursor),
                  previousURL: page.previousCursor ? at("before", page.previousCursor) : undefined,
                  nextURL: page.nextCursor ? at("after", page.nextCursor) : undefined,
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
                <BlockStack gap="100">
                  <Text as="span" fontWeight="semibold">
                    {describe(entry.action)}
                  </Text>
                  <PermissionChanges changes={entry.changes} />
                </BlockStack>
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
