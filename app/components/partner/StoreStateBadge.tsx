import { Badge, type BadgeProps } from "@shopify/polaris";
import type { AccessState } from "~/domain/request-lifecycle";
import { useT } from "~/i18n/react";

const TONE: Record<AccessState, BadgeProps["tone"]> = {
  PENDING: "attention",
  MANAGED: "success",
  SUSPENDED: "warning",
  REMOVED: undefined,
  DECLINED: "critical",
  CANCELLED: undefined,
};

/** Where the organization's access to a store stands: Pending, Managed, Suspended, Access removed, Declined. */
export function StoreStateBadge({ state }: { state: AccessState }) {
  const t = useT();
  return <Badge tone={TONE[state]}>{t(`partner.state.${state}`)}</Badge>;
}
