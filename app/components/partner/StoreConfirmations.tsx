// The two Stores page actions that ask first. A refusal (the owner decided a moment earlier, the access
// changed) closes the dialog and goes to the page's notice above the list, which reloads meanwhile.
import { Text } from "@shopify/polaris";
import { ConfirmDialog } from "~/components/ConfirmDialog";
import type { SubmissionResult } from "~/domain/forms";
import { useT } from "~/i18n/react";

export interface StoreConfirmationProps {
  open: boolean;
  onClose: () => void;
  store: string;
  /** The request (Cancel) or the access (Remove access) the button is for. */
  id: string;
  onRefused: (answer: SubmissionResult<string[]>) => void;
}

/** "Cancel request" → "Cancel access request". */
export function CancelRequestDialog({ open, onClose, store, id, onRefused }: StoreConfirmationProps) {
  const t = useT();
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={t("partner.stores.cancelModal.title", { store })}
      confirmLabel={t("partner.stores.cancelModal.confirm")}
      cancelLabel={t("partner.stores.cancelModal.keep")}
      intent="cancel"
      fields={{ id }}
      onRefused={onRefused}
    >
      <Text as="p">{t("partner.stores.cancelModal.body")}</Text>
    </ConfirmDialog>
  );
}

/** "Remove access" → "Remove store". */
export function RemoveAccessDialog({ open, onClose, store, id, onRefused }: StoreConfirmationProps) {
  const t = useT();
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={t("partner.stores.removeModal.title", { store })}
      confirmLabel={t("partner.stores.removeModal.confirm")}
      cancelLabel={t("partner.stores.removeModal.keep")}
      intent="removeAccess"
      fields={{ id }}
      onRefused={onRefused}
    >
      <Text as="p">{t("partner.stores.removeModal.body", { store })}</Text>
    </ConfirmDialog>
  );
}
