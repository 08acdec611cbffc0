// The collaborator requests waiting for a decision, for those who review them (the count is the frame's).
import { Banner } from "@shopify/polaris";
import { useT } from "~/i18n/react";

export function PendingRequestsBanner({ storeId, count }: { storeId: string; count: number }) {
  const t = useT();
  if (count === 0) return null;
  return (
    <Banner tone="info" title={t("store.home.pending.title", { count })} action={{ content: t("store.home.pending.review"), url: `/store/${storeId}/users/requests` }}>
      <p>{t("store.home.pending.body")}</p>
    </Banner>
  );
}
