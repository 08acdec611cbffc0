import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Card, DataTable, InlineError, InlineStack, Layout, List, Page, Text } from "@shopify/polaris";
import { readForm } from "~/lib/http.server";
import { invalidSubmission, refusal } from "~/lib/respond.server";
import { requireSection } from "~/services/guards.server";
import { importCustomers, type ImportReport } from "~/services/customers-csv.server";
import { sectionActor } from "~/services/section-actor.server";
import { parseSubmission } from "~/domain/forms";
import { refuse } from "~/domain/result";
import { CUSTOMER_CSV_COLUMNS, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, importFileSchema } from "~/domain/customers-csv";
import { decodeMessage } from "~/i18n/messages";
import { SubmitButton, getFormProps, useAppForm } from "~/components/forms";
import { CustomerExportForm } from "~/components/CustomerExport";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { formatBytes, isMessageKey } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Import customers · Portier" }];

export const schema = importFileSchema;

export async function loader(args: LoaderFunctionArgs) {
  const context = await requireSection(args, args.params.storeId, "customers", "manage");
  return { storeId: context.actor.store.id };
}

/** Spreadsheets still save "CSV" in Windows-1252 at times: read UTF-8, and fall back when that fails. */
async function readText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const utf8 = new TextDecoder("utf-8").decode(bytes);
  return utf8.includes("\uFFFD") ? new TextDecoder("windows-1252").decode(bytes) : utf8;
}

/** Room for the multipart envelope around the file. */
const ENVELOPE_BYTES = 64 * 1024;

/** The answer is the import's report, shown on this page (there is nothing to redirect to). */
export async function action(args: ActionFunctionArgs) {
  const context = await requireSection(args, args.params.storeId, "customers", "manage");
  // Refuse an oversized upload before reading it into memory.
  if (Number(args.request.headers.get("content-length") ?? 0) > IMPORT_MAX_BYTES + ENVELOPE_BYTES) {
    return refusal(refuse.invalid("file", "sections.customers.import.errors.tooLarge"));
  }
  let form: FormData;
  try {
    form = await readForm(args.request);
  } catch {
    // A body that is not a readable upload: the drop area says to choose a file.
    return refusal(refuse.invalid("file", "sections.customers.import.errors.noFile"));
  }
  const submission = parseSubmission(form, schema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const { file } = submission.value;
  const result = await importCustomers(sectionActor(context), { name: file.name, size: file.size, content: await readText(file) });
  if (!result.ok) return refusal(result, submission);
  return { report: result.value };
}

export default function ImportCustomers() {
  const t = useT();
  const locale = useLocale();
  const { storeId } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const report = answer && "report" in answer ? answer.report : undefined;
  const [form, fields] = useAppForm(schema);
  const required = CUSTOMER_CSV_COLUMNS.filter((column) => column.required).map((column) => column.header);
  const optional = CUSTOMER_CSV_COLUMNS.filter((column) => !column.required).map((column) => column.header);
  // The one size limit, in the person's language: in the rules and in the "too large" message.
  const sizeLimit = formatBytes(locale, IMPORT_MAX_BYTES);
  const fileMessage = (errors: string[] | undefined) => {
    if (!errors?.[0]) return undefined;
    const { key, params } = decodeMessage(errors[0]);
    return isMessageKey(key) ? t(key, { max: sizeLimit, ...params }) : key;
  };
  const fileError = fileMessage(fields.file.errors ?? form.errors);
  return (
    <Page title={t("sections.customers.import.title")} backAction={{ content: t("permission.section.customers"), url: `/store/${storeId}/customers` }}>
      <Layout>
        {report && (
          <Layout.Section>
            <ImportReportCard report={report} />
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
            <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
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
                  <List.Item>{t("sections.customers.import.ruleLimits", { rows: IMPORT_MAX_ROWS.toLocaleString(locale === "fr" ? "fr-FR" : "en-US"), size: sizeLimit })}</List.Item>
                </List>
                <BlockStack gap="100">
                  <label htmlFor={fields.file.id}>
                    <Text as="span" fontWeight="medium">
                      {t("sections.customers.import.file")}
                    </Text>
                  </label>
                  <input
                    id={fields.file.id}
                    type="file"
                    name={fields.file.name}
                    accept=".csv,text/csv"
                    aria-invalid={fileError ? true : undefined}
                    aria-describedby={fileError ? `${fields.file.id}Error` : undefined}
                  />
                  {fileError && <InlineError message={fileError} fieldID={fields.file.id} />}
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
      .map(([field, encoded]) => `${header(field)}: ${t.message(encoded)}`)
      .join(" · ");
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("sections.customers.import.reportTitle", { file: report.fileName })}
        </Text>
        <Banner tone={report.failed > 0 ? "warning" : "success"}>
          <BlockStack gap="100">
            <Text as="p">
              {t("sections.customers.import.reportCreated", { count: report.created })} {t("sections.customers.import.reportUpdated", { count: report.updated })}
            </Text>
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
