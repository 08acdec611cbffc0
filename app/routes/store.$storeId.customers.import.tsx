import { readForm } from "~/lib/http.server";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Card, DataTable, InlineError, InlineStack, Layout, List, Page, Text } from "@shopify/polaris";
import { requestMeta, requireSection } from "~/lib/auth.server";
import { importCustomers, type ImportReport } from "~/services/customers-csv.server";
import { sectionActor } from "~/services/section-actor.server";
import { CUSTOMER_CSV_COLUMNS, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "~/domain/customers-csv";
import { CUSTOMER_MAX_LENGTHS } from "~/domain/customers";
import { SubmitButton } from "~/components/forms";
import { CustomerExportForm } from "~/components/CustomerExport";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { useLocale, useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Import customers · Portier" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireSection(request, params.storeId, "customers", "manage");
  return { storeId: context.actor.store.id };
}

type ActionData = { report: ImportReport; errors?: undefined } | { report?: undefined; errors: { file: string }; params?: Record<string, string | number> };

/** Spreadsheets still save "CSV" in Windows-1252 at times: read UTF-8, and fall back when that fails. */
async function readText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const utf8 = new TextDecoder("utf-8").decode(bytes);
  return utf8.includes("\uFFFD") ? new TextDecoder("windows-1252").decode(bytes) : utf8;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireSection(request, params.storeId, "customers", "manage");
  const actor = sectionActor(context, requestMeta(request).ip);
  const tooLarge = () => data<ActionData>({ errors: { file: "sections.customers.import.errors.tooLarge" }, params: { max: "2 MB" } }, { status: 413 });
  // Refuse an oversized upload before reading it into memory.
  if (Number(request.headers.get("content-length") ?? 0) > IMPORT_MAX_BYTES + 64 * 1024) return tooLarge();
  let file: FormDataEntryValue | null;
  try {
    file = (await readForm(request)).get("file");
  } catch {
    return data<ActionData>({ errors: { file: "sections.customers.import.errors.noFile" } }, { status: 400 });
  }
  if (!file || typeof file === "string" || file.size === 0) return data<ActionData>({ errors: { file: "sections.customers.import.errors.noFile" } }, { status: 400 });
  if (file.size > IMPORT_MAX_BYTES) return tooLarge();
  const result = await importCustomers(actor, { name: file.name, size: file.size, content: await readText(file) });
  if (!result.ok) return data<ActionData>({ errors: result.errors, params: result.params }, { status: 400 });
  return data<ActionData>({ report: result.report });
}

export default function ImportCustomers() {
  const t = useT();
  const locale = useLocale();
  const { storeId } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const required = CUSTOMER_CSV_COLUMNS.filter((column) => column.required).map((column) => column.header);
  const optional = CUSTOMER_CSV_COLUMNS.filter((column) => !column.required).map((column) => column.header);
  const fileError = actionData?.errors ? t(actionData.errors.file, actionData.params) : undefined;
  return (
    <Page title={t("sections.customers.import.title")} backAction={{ content: t("permission.section.customers"), url: `/store/${storeId}/customers` }}>
      <Layout>
        {actionData?.report && (
          <Layout.Section>
            <ImportReportCard report={actionData.report} />
          </Layout.Section>
        )}
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("sections.customers.import.backupTitle")}
              </Text>
              <Text as="p">{t("sections.customers.import.backupBody")}</Text>
              <InlineStack>
                <CustomerExportForm storeId={storeId} button />
              </InlineStack>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <Form method="post" encType="multipart/form-data">
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("sections.customers.import.fileTitle")}
                </Text>
                <Text as="p">{t("sections.customers.import.requiredColumns", { columns: required.join(", ") })}</Text>
                <Text as="p">{t("sections.customers.import.optionalColumns", { columns: optional.join(", ") })}</Text>
                <List>
                  <List.Item>{t("sections.customers.import.ruleErrors")}</List.Item>
                  <List.Item>{t("sections.customers.import.ruleDuplicates")}</List.Item>
                  <List.Item>{t("sections.customers.import.ruleEmptyCells")}</List.Item>
                  <List.Item>{t("sections.customers.import.ruleLimits", { rows: IMPORT_MAX_ROWS.toLocaleString(locale === "fr" ? "fr-FR" : "en-US"), size: "2 MB" })}</List.Item>
                </List>
                <BlockStack gap="100">
                  <label htmlFor="customers-file">
                    <Text as="span" fontWeight="medium">
                      {t("sections.customers.import.file")}
                    </Text>
                  </label>
                  <input
                    id="customers-file"
                    type="file"
                    name="file"
                    accept=".csv,text/csv"
                    aria-invalid={fileError ? true : undefined}
                    aria-describedby={fileError ? "customers-fileError" : undefined}
                  />
                  {fileError && <InlineError message={fileError} fieldID="customers-file" />}
                </BlockStack>
                <InlineStack align="end">
                  <SubmitButton>{t("sections.customers.import.submit")}</SubmitButton>
                </InlineStack>
              </BlockStack>
            </Form>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function ImportReportCard({ report }: { report: ImportReport }) {
  const t = useT();
  const header = (field: string) => CUSTOMER_CSV_COLUMNS.find((column) => column.field === field)?.header ?? field;
  const problems = (row: ImportReport["rows"][number]) =>
    Object.entries(row.errors)
      .map(([field, key]) => `${header(field)}: ${t(key, { max: CUSTOMER_MAX_LENGTHS[field] ?? 0, row: row.duplicateOf ?? 0 })}`)
      .join(" · ");
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("sections.customers.import.reportTitle", { file: report.fileName })}
        </Text>
        <Banner tone={report.failed > 0 ? "warning" : "success"}>
          <BlockStack gap="100">
            <Text as="p">{t("sections.customers.import.reportSummary", { created: report.created, updated: report.updated })}</Text>
            {report.failed > 0 && <Text as="p">{t("sections.customers.import.reportFailed", { count: report.failed })}</Text>}
          </BlockStack>
        </Banner>
        {report.ignoredColumns.length > 0 && (
          <Text as="p" tone="subdued">
            {t("sections.customers.import.ignoredColumns", { columns: report.ignoredColumns.join(", ") })}
          </Text>
        )}
        {report.rows.length > 0 && (
          <DataTable
            columnContentTypes={["numeric", "text", "text"]}
            headings={[t("sections.customers.import.row"), t("common.email"), t("sections.customers.import.problem")]}
            rows={report.rows.map((row) => [row.row, row.email || "—", problems(row)])}
          />
        )}
      </BlockStack>
    </Card>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
