import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Card, IndexTable, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import { requireSection } from "~/services/guards.server";
import { can } from "~/domain/permissions";
import { listStaff } from "~/services/staff.server";
import { PermissionBadges } from "~/components/PermissionBadges";
import { StaffStatusBadge } from "~/components/StaffStatusBadge";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { formatDate } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export const handle = { usersTab: "staff" };

export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await requireSection(args, args.params.storeId, "staff", "view");
  const { accounts, seats } = await listStaff(actor.store.id);
  // Only what the table shows goes into the page.
  const rows = accounts.map(({ id, firstName, lastName, email, status, isOwner, permissions, lastActiveAt }) => ({ id, firstName, lastName, email, status, isOwner, permissions, lastActiveAt }));
  return { storeId: actor.store.id, accounts: rows, seats, canManage: can(actor.permissions, "staff", "manage") };
}

export default function StaffAccounts() {
  const t = useT();
  const locale = useLocale();
  const { storeId, accounts, seats, canManage } = useLoaderData<typeof loader>();
  const full = seats.used >= seats.limit;
  return (
    <BlockStack gap="400">
      <Card>
        <BlockStack gap="200">
          <InlineStack align="space-between">
            <Text as="h2" variant="headingSm">
              {t("store.staff.seats", { used: seats.used, limit: seats.limit, count: seats.used })}
            </Text>
            <Text as="span" tone="subdued">
              {t(`store.staff.plan.${seats.plan}`)}
            </Text>
          </InlineStack>
          <ProgressBar progress={Math.min(100, (seats.used / Math.max(1, seats.limit)) * 100)} tone={full ? "critical" : "primary"} size="small" />
          <Text as="p" tone="subdued">
            {t("store.staff.seatsHelp")}
          </Text>
        </BlockStack>
      </Card>
      {full && canManage && (
        <Banner tone="warning" title={t("store.staff.full.title")}>
          <p>{t("store.staff.full.body", { limit: seats.limit, count: seats.limit })}</p>
        </Banner>
      )}
      <Card padding="0">
        <IndexTable
          resourceName={{ singular: t("store.staff.singular"), plural: t("store.staff.plural") }}
          itemCount={accounts.length}
          selectable={false}
          headings={[{ title: t("common.name") }, { title: t("common.email") }, { title: t("common.status") }, { title: t("permission.picker.legend") }, { title: t("store.staff.lastActive") }]}
        >
          {accounts.map((account, index) => (
            <IndexTable.Row id={account.id} key={account.id} position={index}>
              <IndexTable.Cell>
                <Link to={`/store/${storeId}/users/staff/${account.id}`}>
                  <Text as="span" fontWeight="semibold">
                    {account.firstName} {account.lastName}
                  </Text>
                </Link>
              </IndexTable.Cell>
              <IndexTable.Cell>{account.email}</IndexTable.Cell>
              <IndexTable.Cell>
                <StaffStatusBadge status={account.status} isOwner={account.isOwner} />
              </IndexTable.Cell>
              <IndexTable.Cell>
                <PermissionBadges permissions={account.permissions} all={account.isOwner} />
              </IndexTable.Cell>
              <IndexTable.Cell>{account.lastActiveAt ? formatDate(locale, account.lastActiveAt, true) : t("common.never")}</IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      </Card>
    </BlockStack>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
