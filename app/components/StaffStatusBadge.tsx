import { Badge } from "@shopify/polaris";
import { useT } from "~/i18n/react";

const TONES = { ACTIVE: "success", INVITED: "info", LOCKED: "critical", ARCHIVED: undefined } as const;

export function StaffStatusBadge({ status, isOwner }: { status: keyof typeof TONES; isOwner?: boolean }) {
  const t = useT();
  if (isOwner) return <Badge tone="magic">{t("store.staff.owner")}</Badge>;
  return <Badge tone={TONES[status]}>{t(`store.staff.status.${status}`)}</Badge>;
}
