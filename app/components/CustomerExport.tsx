// "Export customers": a plain (not client-routed) POST, so the browser saves the CSV the answer carries.
// A POST, not a link: the export is logged, and no GET changes anything.
import { Button } from "@shopify/polaris";
import { useT } from "~/i18n/react";

export const EXPORT_FORM_ID = "customers-export";

export function exportAction(storeId: string): string {
  return `/store/${storeId}/customers/export`;
}

/** The form; with `button` it shows its own button, otherwise another control submits it by id. */
export function CustomerExportForm({ storeId, button = false }: { storeId: string; button?: boolean }) {
  const t = useT();
  return (
    <form id={EXPORT_FORM_ID} method="post" action={exportAction(storeId)} hidden={!button}>
      {button && <Button submit>{t("sections.customers.export.submit")}</Button>}
    </form>
  );
}

export function submitExport() {
  const form = document.getElementById(EXPORT_FORM_ID);
  if (form instanceof HTMLFormElement) form.requestSubmit();
}
