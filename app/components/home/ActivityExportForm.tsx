// "Export CSV": the log with the page's filters, as a file. A POST (the export is logged, and no GET
// changes anything) and a document request, not a client-side navigation: the browser saves the file.
import { Form } from "@remix-run/react";
import { Button } from "@shopify/polaris";
import type { ActivityFilters } from "~/domain/activity-log";
import { useT } from "~/i18n/react";

export function ActivityExportForm({ action, filters }: { action: string; filters: ActivityFilters }) {
  const t = useT();
  return (
    <Form method="post" action={action} reloadDocument>
      {(["kind", "person", "from", "to"] as const).map((name) => filters[name] && <input key={name} type="hidden" name={name} value={filters[name]} />)}
      <Button submit>{t("store.activity.export")}</Button>
    </Form>
  );
}
