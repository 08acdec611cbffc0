// Home's notifications: the latest ones, unread first in weight, with "Mark all as read" for home:manage.
import { Form } from "@remix-run/react";
import { Badge, Box, Button, Card, InlineStack, Text } from "@shopify/polaris";
import type { HomeNotification } from "~/services/store-home.server";
import { useT } from "~/i18n/react";
import { NotificationRow } from "./NotificationRow";

export interface NotificationsCardProps {
  storeId: string;
  notifications: HomeNotification[];
  /** The frame's unread count (all notifications, not only those shown). */
  unread: number;
  canMarkRead: boolean;
  canReview: boolean;
}

export function NotificationsCard({ storeId, notifications, unread, canMarkRead, canReview }: NotificationsCardProps) {
  const t = useT();
  return (
    <Card padding="0">
      <Box padding="400">
        <InlineStack align="space-between" blockAlign="center">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h2" variant="headingMd">
              {t("store.notifications.title")}
            </Text>
            {unread > 0 && <Badge tone="attention">{t("store.notifications.unread", { count: unread })}</Badge>}
          </InlineStack>
          {canMarkRead && unread > 0 && (
            <Form method="post">
              <input type="hidden" name="intent" value="markAllRead" />
              <Button submit variant="plain">
                {t("store.notifications.markAllRead")}
              </Button>
            </Form>
          )}
        </InlineStack>
      </Box>
      {notifications.length === 0 ? (
        <Box padding="400" paddingBlockStart="0">
          <Text as="p" tone="subdued">
            {t("store.notifications.empty")}
          </Text>
        </Box>
      ) : (
        <ul aria-label={t("store.notifications.title")} style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {notifications.map((item) => (
            <li key={item.id}>
              <NotificationRow storeId={storeId} item={item} canMarkRead={canMarkRead} canReview={canReview} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
