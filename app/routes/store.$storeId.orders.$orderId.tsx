import { readForm } from "~/lib/http.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineStack, Layout, Link, Page, Select, Text, Box, Divider, InlineError } from "@shopify/polaris";
import { useState } from "react";
import { requestMeta, requireSection } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";
import { addOrderNote, changeOrderStatus, getOrder } from "~/services/orders.server";
import { sectionActor } from "~/services/section-actor.server";
import { formToObject, parseForm } from "~/domain/forms";
import { can } from "~/domain/permissions";
import { customerName } from "~/domain/customers";
import { nextStatuses, orderNoteSchema, orderStatusSchema, ORDER_NOTE_MAX_LENGTH, ORDER_STATUS_TONE, parseNotes, type OrderStatus } from "~/domain/orders";
import { FormTextField, SubmitButton } from "~/components/forms";
import { FlashToast, toastUrl } from "~/components/FlashToast";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { formatDate, formatMoney } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `#${data.order.number} · Portier` : "Portier" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireSection(request, params.storeId, "orders", "view");
  const found = await getOrder(sectionActor(context), params.orderId);
  if (!found) notFound();
  const permissions = context.actor.permissions;
  return {
    ...found,
    storeId: context.actor.store.id,
    canManage: can(permissions, "orders", "manage"),
    canViewCustomers: can(permissions, "customers", "view"),
  };
}

type ActionData = { intent: "status" | "note"; errors: Record<string, string>; params?: Record<string, string | number>; values?: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireSection(request, params.storeId, "orders", "manage");
  const actor = sectionActor(context, requestMeta(request).ip);
  const form = await readForm(request);
  const intent = form.get("intent");
  const here = `/store/${actor.storeId}/orders/${params.orderId}`;
  if (intent === "status") {
    const parsed = parseForm(orderStatusSchema, form);
    if (!parsed.ok) return data<ActionData>({ intent, errors: parsed.errors }, { status: 400 });
    const result = await changeOrderStatus(actor, params.orderId, parsed.data);
    if (!result.ok) {
      if (result.notFound) notFound();
      return data<ActionData>({ intent, errors: result.errors, params: result.params }, { status: result.conflict ? 409 : 400 });
    }
    return redirect(toastUrl(here, "orderStatusChanged"));
  }
  if (intent === "note") {
    const values = formToObject(form);
    const parsed = parseForm(orderNoteSchema, form);
    if (!parsed.ok) return data<ActionData>({ intent, errors: parsed.errors, params: { max: ORDER_NOTE_MAX_LENGTH }, values }, { status: 400 });
    const result = await addOrderNote(actor, params.orderId, parsed.data);
    if (!result.ok) {
      if (result.notFound) notFound();
      return data<ActionData>({ intent, errors: result.errors, values }, { status: 400 });
    }
    return redirect(toastUrl(here, "orderNoteAdded"));
  }
  return data<ActionData>({ intent: "status", errors: { form: "errors.form.invalid" } }, { status: 400 });
}

/** After a conflict (someone changed the status meanwhile), reload the order to show where it stands now. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;

export default function OrderPage() {
  const t = useT();
  const locale = useLocale();
  const { order, currency, storeId, canManage, canViewCustomers } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const notes = parseNotes(order.note);
  const statusLabel = (status: OrderStatus) => t(`sections.orders.status.${status}`);
  const errorFor = (intent: ActionData["intent"], field: string) => {
    if (actionData?.intent !== intent || !actionData.errors[field]) return undefined;
    const params = { ...actionData.params };
    if (typeof params.status === "string") params.status = statusLabel(params.status as OrderStatus).toLocaleLowerCase(locale);
    return t(actionData.errors[field], params);
  };

  return (
    <Page
      title={`#${order.number}`}
      titleMetadata={<Badge tone={ORDER_STATUS_TONE[order.status]}>{statusLabel(order.status)}</Badge>}
      subtitle={formatDate(locale, order.createdAt, true)}
      backAction={{ content: t("permission.section.orders"), url: `/store/${storeId}/orders` }}
    >
      <FlashToast />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("sections.orders.summary")}
                </Text>
                <InlineStack align="space-between">
                  <Text as="span">{t("sections.orders.itemCount", { count: order.itemCount })}</Text>
                  <Text as="span" fontWeight="semibold" numeric>
                    {formatMoney(locale, order.totalCents, currency)}
                  </Text>
                </InlineStack>
                <InlineStack align="space-between">
                  <Text as="span">{t("common.status")}</Text>
                  <Badge tone={ORDER_STATUS_TONE[order.status]}>{statusLabel(order.status)}</Badge>
                </InlineStack>
                {canManage && <StatusForm key={order.status} current={order.status} error={errorFor("status", "status") ?? errorFor("status", "form")} />}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("sections.orders.notes")}
                </Text>
                {canManage && (
                  <Form method="post" key={notes.entries.length}>
                    <input type="hidden" name="intent" value="note" />
                    <BlockStack gap="200">
                      <FormTextField
                        label={t("sections.orders.addNote")}
                        name="note"
                        multiline={3}
                        maxLength={ORDER_NOTE_MAX_LENGTH}
                        showCharacterCount
                        defaultValue={actionData?.intent === "note" ? actionData.values?.note : ""}
                        error={errorFor("note", "note")}
                      />
                      <InlineStack align="end">
                        <SubmitButton intent="note">{t("sections.orders.addNoteSubmit")}</SubmitButton>
                      </InlineStack>
                    </BlockStack>
                  </Form>
                )}
                {notes.entries.length === 0 && !notes.preamble ? (
                  <Text as="p" tone="subdued">
                    {t("sections.orders.noNotes")}
                  </Text>
                ) : (
                  <BlockStack gap="300">
                    {[...notes.entries].reverse().map((entry, index) => (
                      <BlockStack gap="100" key={`${entry.at}-${index}`}>
                        {index > 0 && <Divider />}
                        <Text as="p" tone="subdued" variant="bodySm">
                          {t("sections.orders.noteBy", { author: entry.author, date: formatDate(locale, entry.at, true) })}
                        </Text>
                        <p style={{ whiteSpace: "pre-wrap", margin: 0 }}>{entry.text}</p>
                      </BlockStack>
                    ))}
                    {notes.preamble && (
                      <BlockStack gap="100">
                        {notes.entries.length > 0 && <Divider />}
                        <Text as="p" tone="subdued" variant="bodySm">
                          {t("sections.orders.orderNote")}
                        </Text>
                        <p style={{ whiteSpace: "pre-wrap", margin: 0 }}>{notes.preamble}</p>
                      </BlockStack>
                    )}
                  </BlockStack>
                )}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                {t("sections.orders.customer")}
              </Text>
              {order.customer ? (
                <BlockStack gap="100">
                  {canViewCustomers ? (
                    <Link url={`/store/${storeId}/customers/${order.customer.id}`}>{customerName(order.customer)}</Link>
                  ) : (
                    <Text as="p">{customerName(order.customer)}</Text>
                  )}
                  <Text as="p" tone="subdued">
                    {order.customer.email}
                  </Text>
                  {order.customer.phone && <Text as="p">{order.customer.phone}</Text>}
                  {(order.customer.city || order.customer.country) && <Text as="p">{[order.customer.city, order.customer.country].filter(Boolean).join(", ")}</Text>}
                </BlockStack>
              ) : (
                <Text as="p" tone="subdued">
                  {t("sections.orders.noCustomer")}
                </Text>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function StatusForm({ current, error }: { current: OrderStatus; error?: string }) {
  const t = useT();
  const options = nextStatuses(current);
  const [status, setStatus] = useState<string>(options[0] ?? "");
  if (options.length === 0) {
    return (
      <Text as="p" tone="subdued">
        {t("sections.orders.statusFinal")}
      </Text>
    );
  }
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="status" />
      <input type="hidden" name="from" value={current} />
      <Box paddingBlockStart="200">
        <BlockStack gap="200">
          <Divider />
          <InlineStack gap="200" blockAlign="end" wrap={false}>
            <div style={{ flex: 1 }}>
              <Select
                label={t("sections.orders.changeStatus")}
                name="status"
                options={options.map((value) => ({ value, label: t(`sections.orders.status.${value}`) }))}
                value={status}
                onChange={setStatus}
              />
            </div>
            <SubmitButton intent="status">{t("sections.orders.updateStatus")}</SubmitButton>
          </InlineStack>
          {error && <InlineError message={error} fieldID="status" />}
        </BlockStack>
      </Box>
    </Form>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
