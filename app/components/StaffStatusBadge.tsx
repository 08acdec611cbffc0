import { Badge, type BadgeProps } from "@shopify/polaris";
import type { StaffStatus } from "~/domain/staff";
import { useT } from "~/i18n/react";

const TONES: Record<StaffStatus, BadgeProps["tone"]> = { ACTIVE: "success", INVITED: "info", LOCKED: "critical", ARCHIVED: undefined };

export function StaffStatusBadge({ status, isOwner }: { status: StaffStatus; isOwner?: boolean }) {
  const t = useT();
  if (isOwner) return <Badge tone="magic">{t("store.staff.owner")}</Badge>;
  return <Badge tone={TONES[status]}>{t(`store.staff.status.${status}`)}</Badge>;
}
