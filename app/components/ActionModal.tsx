// A Polaris modal whose primary button posts a form to the page's action (through a fetcher, so a refusal
// stays in the modal beside the field that caused it). On success the action redirects with a `toast`
// search parameter, and the modal closes.
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Modal } from "@shopify/polaris";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useT } from "~/i18n/react";
import type { FieldErrors } from "~/domain/forms";

export interface ActionModalProps {
  open: boolean;
  onClose: () => void;
  title: string;
  primaryLabel: string;
  destructive?: boolean;
  /** The `intent` the action switches on. */
  intent: string;
  /** Hidden fields, e.g. the id of the record. */
  fields?: Record<string, string>;
  /** Where to post; the current route by default. */
  action?: string;
  /** The body; a function receives the translated field errors of the last attempt. */
  children?: ReactNode | ((error: (field: string) => string | undefined) => ReactNode);
}

type ActionData = { errors?: FieldErrors; params?: Record<string, string | number> } | undefined;

export function ActionModal({ open, onClose, title, primaryLabel, destructive, intent, fields = {}, action, children }: ActionModalProps) {
  const t = useT();
  const fetcher = useFetcher<ActionData>();
  const form = useRef<HTMLFormElement>(null);
  const [attempted, setAttempted] = useState(false);
  const busy = fetcher.state !== "idle";
  const wasBusy = useRef(false);

  // Closes once the action answered without errors (it redirected with a toast).
  useEffect(() => {
    if (busy) wasBusy.current = true;
    else if (wasBusy.current) {
      wasBusy.current = false;
      if (!fetcher.data?.errors) {
        setAttempted(false);
        onClose();
      }
    }
  }, [busy, fetcher.data, onClose]);

  const errors = (attempted && !busy ? fetcher.data?.errors : undefined) ?? {};
  const error = (field: string) => (errors[field] ? t(errors[field], fetcher.data?.params) : undefined);
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
      primaryAction={{ content: primaryLabel, destructive, loading: busy, onAction: submit }}
      secondaryActions={[{ content: t("common.cancel"), onAction: close, disabled: busy }]}
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
            {error("form") && (
              <Banner tone="critical">
                <p>{error("form")}</p>
              </Banner>
            )}
            {typeof children === "function" ? children(error) : children}
          </BlockStack>
        </fetcher.Form>
      </Modal.Section>
    </Modal>
  );
}
