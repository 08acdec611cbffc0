// The one confirmation before an action (a destructive one by default): a Polaris modal whose primary
// button posts `intent` and the hidden `fields` to the page's action (or `action`) through a fetcher, so
// a refusal stays in the dialog, beside the field that caused it. On success the action redirects, with
// its toast in the session, and the dialog closes.
import { useFetcher } from "@remix-run/react";
import { BlockStack, Modal } from "@shopify/polaris";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useT } from "~/i18n/react";
import type { SubmissionResult } from "~/domain/forms";
import { FormErrors, useMessage } from "./forms";

export interface ConfirmDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  confirmLabel: string;
  /** The button that closes without acting: "Cancel", unless the action is itself a cancellation ("Keep request"). */
  cancelLabel?: string;
  /** The primary button in red: true unless the action is not destructive (approve, save). */
  destructive?: boolean;
  /** The `intent` the action switches on. */
  intent: string;
  /** Hidden fields, e.g. the id of the record. */
  fields?: Record<string, string>;
  /** Where to post; the current route by default. */
  action?: string;
  /** The body; a function receives the translated message of a field of the last attempt. */
  children?: ReactNode | ((error: (field: string) => string | undefined) => ReactNode);
  /**
   * For refusals that say what happened meanwhile rather than what to fix (someone decided a moment
   * earlier): the dialog closes and hands the answer to the page, which shows it beside what it concerns.
   */
  onRefused?: (answer: SubmissionResult<string[]>) => void;
}

export function ConfirmDialog({ open, onClose, title, confirmLabel, cancelLabel, destructive = true, intent, fields = {}, action, children, onRefused }: ConfirmDialogProps) {
  const t = useT();
  const message = useMessage();
  const fetcher = useFetcher<SubmissionResult<string[]>>();
  const form = useRef<HTMLFormElement>(null);
  const [attempted, setAttempted] = useState(false);
  const busy = fetcher.state !== "idle";
  const wasBusy = useRef(false);

  // Closes once the action answered without a refusal (it redirected, with a toast), or with one the page shows.
  useEffect(() => {
    if (busy) wasBusy.current = true;
    else if (wasBusy.current) {
      wasBusy.current = false;
      const answer = fetcher.data;
      if (answer?.status === "error") {
        // Stays open, with the message beside what to fix, unless the page shows refusals itself.
        if (!onRefused) return;
        onRefused(answer);
      }
      setAttempted(false);
      onClose();
    }
  }, [busy, fetcher.data, onClose, onRefused]);

  const errors = (attempted && !busy && !onRefused && fetcher.data?.status === "error" ? fetcher.data.error : undefined) ?? {};
  const error = (field: string) => message(errors[field] ?? undefined);
  const submit = () => {
    if (!form.current) return;
    setAttempted(true);
    fetcher.submit(form.current, { method: "post", ...(action ? { action } : {}) });
  };
  const close = () => {
    setAttempted(false);
    onClose();
  };

  return (
    <Modal
      open={open}
      onClose={close}
      title={title}
      primaryAction={{ content: confirmLabel, destructive, loading: busy, onAction: submit }}
      secondaryActions={[{ content: cancelLabel ?? t("common.cancel"), onAction: close, disabled: busy }]}
    >
      <Modal.Section>
        <fetcher.Form
          ref={form}
          method="post"
          action={action}
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <input type="hidden" name="intent" value={intent} />
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <BlockStack gap="400">
            <FormErrors errors={errors[""] ?? undefined} />
            {typeof children === "function" ? children(error) : children}
          </BlockStack>
        </fetcher.Form>
      </Modal.Section>
    </Modal>
  );
}
