import { isRouteErrorResponse, useRouteLoaderData } from "@remix-run/react";
import { useState } from "react";
import { Button, EmptyState, Page, Card, Text } from "@shopify/polaris";
import { useLocale, useT } from "~/i18n/react";
import { formatBytes } from "~/i18n";

/** The 403 / 404 / 500 page, rendered inside whatever frame the failing route sits in. */
export function ErrorPage({ error }: { error: unknown }) {
  const t = useT();
  const locale = useLocale();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 403 ? "forbidden" : status === 404 ? "notFound" : status === 413 ? "tooLarge" : "server";
  // The id of the request the server rendered this page for: the log line of the error carries it. An
  // error page drawn later, in the browser, belongs to a request this page does not know.
  const requestId = (useRouteLoaderData("root") as { requestId?: string | null } | undefined)?.requestId;
  const [rendered] = useState(() => typeof window === "undefined" || !window.__portierHydrated);
  const reference = kind === "server" && rendered ? requestId : null;
  const limit = isRouteErrorResponse(error) ? Number((error.data as { limit?: number } | null)?.limit) : NaN;
  return (
    <Page narrowWidth>
      <Card>
        {/* The page's one heading (Polaris' EmptyState heading is not one). */}
        <EmptyState image="/empty-state.svg">
          <Text as="h1" variant="headingLg">
            {t(`errors.${kind}.title`)}
          </Text>
          <p>{t(`errors.${kind}.body`, { limit: Number.isFinite(limit) ? formatBytes(locale, limit) : "" })}</p>
          <div style={{ marginTop: "1rem" }}>
            <Button url="/">{t("errors.goHome")}</Button>
          </div>
          <p style={{ marginTop: "1rem", color: "#616161" }} data-status={status}>
            {status}
          </p>
          {reference && (
            <p style={{ marginTop: "0.5rem", color: "#616161" }} data-request-id={reference}>
              {t("errors.reference", { reference })}
            </p>
          )}
        </EmptyState>
      </Card>
    </Page>
  );
}
