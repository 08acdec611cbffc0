// A Stores row's buttons, as the row's state allows (PARTNER_ACTIONS): Cancel request and Remove access
// ask first; Log in, Remove from list and Dismiss post at once.
import { Form, useNavigation } from "@remix-run/react";
import { Button, ButtonGroup } from "@shopify/polaris";
import { useCallback, useState } from "react";
import { PARTNER_ACTIONS, type AccessState } from "~/domain/request-lifecycle";
import type { SubmissionResult } from "~/domain/forms";
import { useT } from "~/i18n/react";
import { CancelRequestDialog, RemoveAccessDialog } from "./StoreConfirmations";

type RowAction = (typeof PARTNER_ACTIONS)[AccessState][number];

export interface ActionableRow {
  accessId: string;
  requestId: string | null;
  storeName: string;
  state: AccessState;
}

export function StoreRowActions({ row, onRefused }: { row: ActionableRow; onRefused: (answer: SubmissionResult<string[]>) => void }) {
  const t = useT();
  const [confirming, setConfirming] = useState<"cancel" | "removeAccess" | null>(null);
  const close = useCallback(() => setConfirming(null), []);
  const actions = PARTNER_ACTIONS[row.state];
  const label = (action: RowAction) => t(`partner.stores.actionLabel.${action}`, { store: row.storeName });
  const content = (action: RowAction) => t(`partner.stores.action.${action}`);

  return (
    <div style={{ display: "flex", justifyContent: "flex-end" }}>
      <ButtonGroup>
        {actions.map((action) =>
          action === "cancel" || action === "removeAccess" ? (
            <Button key={action} size="slim" tone={action === "removeAccess" ? "critical" : undefined} accessibilityLabel={label(action)} onClick={() => setConfirming(action)}>
              {content(action)}
            </Button>
          ) : (
            <PostButton key={action} intent={action} id={row.accessId} label={label(action)} primary={action === "login"}>
              {content(action)}
            </PostButton>
          ),
        )}
      </ButtonGroup>
      {actions.includes("cancel") && row.requestId && (
        <CancelRequestDialog open={confirming === "cancel"} onClose={close} store={row.storeName} id={row.requestId} onRefused={onRefused} />
      )}
      {actions.includes("removeAccess") && (
        <RemoveAccessDialog open={confirming === "removeAccess"} onClose={close} store={row.storeName} id={row.accessId} onRefused={onRefused} />
      )}
    </div>
  );
}

/** A button that posts its intent for this row, with a spinner while its own submission is on its way. */
function PostButton({ intent, id, label, primary, children }: { intent: RowAction; id: string; label: string; primary?: boolean; children: string }) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === intent && navigation.formData?.get("id") === id;
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <Button submit size="slim" variant={primary ? "primary" : "secondary"} accessibilityLabel={label} loading={busy}>
        {children}
      </Button>
    </Form>
  );
}
