// "Export CSV": the log with the page's filters, as a file. A POST (the export is logged, and no GET
// changes anything) and a document request, not a client-side navigation: the browser saves the file.
import { Form } from "@remix-run/react";
import { Button } from "@shopify/polaris";
import { activityCsvPath, type ActivityFilters } from "~/domain/activity-log";
import { useT } from "~/i18n/react";

export function ActivityExportForm({ storeId, filters }: { storeId: string; filters: ActivityFilters }) {
  const t = useT();
  return (
    <Form method="post" action={activityCsvPath(storeId)} reloadDocument>
      {filters.kind && <input type="hidden" name="kind" value={filters.kind} />}
      {filters.person && <input type="hidden" name="person" value={filters.person} />}
      <Button submit>{t("store.activity.export")}</Button>
    </Form>
  );
}
