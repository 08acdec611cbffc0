// One notification: what happened, when, where the request stands, and its buttons (review, mark read).
import { Form } from "@remix-run/react";
import { Badge, BlockStack, Box, Button, InlineStack, Text } from "@shopify/polaris";
import type { HomeNotification, NotificationKind } from "~/services/store-home.server";
import type { MessageKey } from "~/i18n";
import { formatDate } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

const WORDING: Record<NotificationKind, MessageKey> = {
  "collaborator_request.created": "store.notifications.kind.collaborator_request.created",
  "collaborator_request.cancelled": "store.notifications.kind.collaborator_request.cancelled",
  "collaborator_access.removed_by_partner": "store.notifications.kind.collaborator_access.removed_by_partner",
  "collaborator_access.end_date_soon": "expiry.notification.end_date_soon",
  "collaborator_access.inactive_soon": "expiry.notification.inactive_soon",
  "collaborator_access.ended_end_date": "expiry.notification.ended_end_date",
  "collaborator_access.ended_inactive": "expiry.notification.ended_inactive",
  "collaborator_request.reminder": "expiry.notification.reminder",
};

export function NotificationRow({ storeId, item, canMarkRead, canReview }: { storeId: string; item: HomeNotification; canMarkRead: boolean; canReview: boolean }) {
  const t = useT();
  const locale = useLocale();
  const text = t(WORDING[item.kind], { organization: item.organization, person: item.person, date: item.date ? formatDate(locale, item.date) : "" });
  const isRequest = item.kind === "collaborator_request.created" || item.kind === "collaborator_request.reminder";
  return (
    <Box padding="400" borderBlockStartWidth="025" borderColor="border-secondary" background={item.unread ? "bg-surface-secondary" : undefined}>
      <InlineStack align="space-between" blockAlign="center" gap="400" wrap={false}>
        <BlockStack gap="100">
          <InlineStack gap="200" blockAlign="center">
            {item.unread && <Badge tone="attention">{t("store.notifications.new")}</Badge>}
            <Text as="p" fontWeight={item.unread ? "semibold" : "regular"}>
              {text}
            </Text>
          </InlineStack>
          <Text as="p" tone="subdued">
            {formatDate(locale, item.createdAt, true)}
            {isRequest && item.requestStatus ? ` · ${t(`store.notifications.status.${item.requestStatus}`)}` : ""}
          </Text>
        </BlockStack>
        <InlineStack gap="200" wrap={false}>
          {isRequest && !item.resolved && canReview && (
            <Button size="slim" url={`/store/${storeId}/users/requests`}>
              {t("store.home.pending.review")}
            </Button>
          )}
          {canMarkRead && item.unread && (
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="markRead" />
              <input type="hidden" name="notificationId" value={item.id} />
              <Button submit size="slim" variant="plain" accessibilityLabel={t("store.notifications.markReadLabel", { message: text })}>
                {t("store.notifications.markRead")}
              </Button>
            </Form>
          )}
        </InlineStack>
      </InlineStack>
    </Box>
  );
}
