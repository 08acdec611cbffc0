// "Remove access" on the selected stores: one confirmation naming them, then one removal per store on the
// server (each its own transaction and log entry) and a toast saying what was done.
import { BlockStack, List, Text } from "@shopify/polaris";
import { ConfirmDialog } from "~/components/ConfirmDialog";
import type { SubmissionResult } from "~/domain/forms";
import { useT } from "~/i18n/react";

export function BulkRemoveDialog({
  open,
  onClose,
  stores,
  onRefused,
}: {
  open: boolean;
  onClose: () => void;
  stores: { accessId: string; storeName: string }[];
  onRefused: (answer: SubmissionResult<string[]>) => void;
}) {
  const t = useT();
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={t("logs.bulk.modal.title", { count: stores.length })}
      confirmLabel={t("logs.bulk.modal.confirm")}
      cancelLabel={t("logs.bulk.modal.keep")}
      intent="removeAccesses"
      fields={{ ids: stores.map((store) => store.accessId).join(",") }}
      onRefused={onRefused}
    >
      <BlockStack gap="200">
        <Text as="p">{t("logs.bulk.modal.body")}</Text>
        <List type="bullet">
          {stores.map((store) => (
            <List.Item key={store.accessId}>{store.storeName}</List.Item>
          ))}
        </List>
      </BlockStack>
    </ConfirmDialog>
  );
}
