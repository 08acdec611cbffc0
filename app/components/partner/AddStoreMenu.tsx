import { ActionList, Button, Popover } from "@shopify/polaris";
import { useState } from "react";
import type { PendingCounter } from "~/domain/request-lifecycle";
import { useT } from "~/i18n/react";

/** "Add store": the ways to add one (today, requesting access), disabled with the reason at the cap. */
export function AddStoreMenu({ requestUrl, counter }: { requestUrl: string; counter: PendingCounter }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <Popover
      active={open}
      onClose={() => setOpen(false)}
      activator={
        <Button variant="primary" disclosure onClick={() => setOpen((was) => !was)}>
          {t("partner.stores.addStore")}
        </Button>
      }
    >
      <ActionList
        actionRole="menuitem"
        items={[
          {
            content: t("partner.stores.requestAccess"),
            url: counter.full ? undefined : requestUrl,
            disabled: counter.full,
            helpText: counter.full ? t("partner.stores.capReached", { limit: counter.limit, count: counter.limit }) : undefined,
          },
        ]}
      />
    </Popover>
  );
}
