import { isRouteErrorResponse } from "@remix-run/react";
import { Button, EmptyState, Page, Card } from "@shopify/polaris";
import { useT } from "~/i18n/react";

/** The 403 / 404 / 500 page, rendered inside whatever frame the failing route sits in. */
export function ErrorPage({ error }: { error: unknown }) {
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 403 ? "forbidden" : status === 404 ? "notFound" : "server";
  if (kind === "server") console.error(error);
  return (
    <Page narrowWidth>
      <Card>
        <EmptyState heading={t(`errors.${kind}.title`)} image="/empty-state.svg">
          <p>{t(`errors.${kind}.body`)}</p>
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
