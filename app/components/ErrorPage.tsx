import { isRouteErrorResponse } from "@remix-run/react";
import { Button, EmptyState, Page, Card } from "@shopify/polaris";
import { useLocale, useT } from "~/i18n/react";
import { formatBytes } from "~/i18n";

/** The 403 / 404 / 500 page, rendered inside whatever frame the failing route sits in. */
export function ErrorPage({ error }: { error: unknown }) {
  const t = useT();
  const locale = useLocale();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 403 ? "forbidden" : status === 404 ? "notFound" : status === 413 ? "tooLarge" : "server";
  if (kind === "server") console.error(error);
  const limit = isRouteErrorResponse(error) ? Number((error.data as { limit?: number } | null)?.limit) : NaN;
  return (
    <Page narrowWidth>
      <Card>
        <EmptyState heading={t(`errors.${kind}.title`)} image="/empty-state.svg">
          <p>{t(`errors.${kind}.body`, { limit: Number.isFinite(limit) ? formatBytes(locale, limit) : "" })}</p>
          <div style={{ marginTop: "1rem" }}>
            <Button url="/">{t("errors.goHome")}</Button>
          </div>
          <p style={{ marginTop: "1rem", color: "#616161" }} data-status={status}>
            {status}
          </p>
        </EmptyState>
      </Card>
    </Page>
  );
}
