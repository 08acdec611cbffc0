// A confirmation before a destructive action (archive a product, delete a customer): the confirm button
// posts `intent` to the page's own action and shows a spinner until the answer comes back.
import { useNavigation, useSubmit } from "@remix-run/react";
import { Modal, Text } from "@shopify/polaris";
import { useEffect, useRef } from "react";
import { useT } from "~/i18n/react";

export function ConfirmModal({
  open,
  onClose,
  title,
  body,
  confirmLabel,
  intent,
  destructive = true,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  body: string;
  confirmLabel: string;
  intent: string;
  destructive?: boolean;
}) {
  const t = useT();
  const submit = useSubmit();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === intent;
  const sent = useRef(false);
  useEffect(() => {
    // Close once the answer has arrived (success redirects; an error shows on the page).
    if (sent.current && navigation.state === "idle") {
      sent.current = false;
      onClose();
    }
  }, [navigation.state, onClose]);
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={title}
      primaryAction={{
        content: confirmLabel,
        destructive,
        loading: busy,
        onAction: () => {
          sent.current = true;
          submit({ intent }, { method: "post" });
        },
      }}
      secondaryActions={[{ content: t("common.cancel"), onAction: onClose, disabled: busy }]}
    >
      <Modal.Section>
        <Text as="p">{body}</Text>
      </Modal.Section>
    </Modal>
  );
}
