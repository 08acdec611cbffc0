import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineStack, Layout, Link, Page, Select, Text, Box, Divider, InlineError } from "@shopify/polaris";
import { useState } from "react";
import { notFound } from "~/lib/http.server";
import { readIntent } from "~/lib/intents.server";
import { respond } from "~/lib/respond.server";
import { requireSection } from "~/services/guards.server";
import { addOrderNote, changeOrderStatus, getOrder } from "~/services/orders.server";
import { sectionActor } from "~/services/section-actor.server";
import { can } from "~/domain/permissions";
import { customerName } from "~/domain/customers";
import { isOrderStatus, nextStatuses, orderNoteSchema, orderStatusSchema, ORDER_NOTE_MAX_LENGTH, ORDER_STATUS_TONE, parseNotes, type OrderStatus } from "~/domain/orders";
import { decodeMessage, message } from "~/i18n/messages";
import { FormTextField, SubmitButton, getFormProps, useAppForm } from "~/components/forms";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { formatDate, formatMoney, isMessageKey } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `#${data.order.number} · Portier` : "Portier" }];

export const forms = { status: orderStatusSchema, note: orderNoteSchema };

export async function loader(args: LoaderFunctionArgs) {
  const context = await requireSection(args, args.params.storeId, "orders", "view");
  const found = await getOrder(sectionActor(context), args.params.orderId);
  if (!found) notFound();
  const permissions = context.actor.permissions;
  return {
    ...found,
    storeId: context.actor.store.id,
    canManage: can(permissions, "orders", "manage"),
    canViewCustomers: can(permissions, "customers", "view"),
  };
}

export async function action(args: ActionFunctionArgs) {
  const context = await requireSection(args, args.params.storeId, "orders", "manage");
  const input = await readIntent(args.request, forms);
  if ("response" in input) return input.response;
  const actor = sectionActor(context);
  const here = `/store/${actor.storeId}/orders/${args.params.orderId}`;
  if (input.intent === "status") {
    const result = await changeOrderStatus(actor, args.params.orderId, input.value);
    return respond(result, { submission: input.submission, flash: context.flash, done: () => ({ redirect: here, toast: message("sections.toast.orderStatusChanged") }) });
  }
  const result = await addOrderNote(actor, args.params.orderId, input.value);
  return respond(result, { submission: input.submission, flash: context.flash, done: () => ({ redirect: here, toast: message("sections.toast.orderNoteAdded") }) });
}

/** After a conflict (someone changed the status meanwhile), reload the order to show where it stands now. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;

export default function OrderPage() {
  const t = useT();
  const locale = useLocale();
  const { order, currency, storeId, canManage, canViewCustomers } = useLoaderData<typeof loader>();
  const notes = parseNotes(order.note);
  const statusLabel = (status: OrderStatus) => t(`sections.orders.status.${status}`);

  return (
    <Page
      title={`#${order.number}`}
      titleMetadata={<Badge tone={ORDER_STATUS_TONE[order.status]}>{statusLabel(order.status)}</Badge>}
      subtitle={formatDate(locale, order.createdAt, true)}
      backAction={{ content: t("permission.section.orders"), url: `/store/${storeId}/orders` }}
    >
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
                {canManage && <StatusForm key={order.status} current={order.status} />}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("sections.orders.notes")}
                </Text>
                {/* A new form once the note is added: the field starts empty again. */}
                {canManage && <NoteForm key={notes.entries.length} />}
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

/** A status message names the order's status in the person's words ("fulfilled"), not as its code. */
function useStatusMessage() {
  const t = useT();
  const locale = useLocale();
  return (errors: string[] | undefined) => {
    if (!errors?.[0]) return undefined;
    const { key, params } = decodeMessage(errors[0]);
    if (!isMessageKey(key)) return key;
    const status = params?.status;
    return t(key, isOrderStatus(status) ? { ...params, status: t(`sections.orders.status.${status}`).toLocaleLowerCase(locale) } : params);
  };
}

function StatusForm({ current }: { current: OrderStatus }) {
  const t = useT();
  const statusMessage = useStatusMessage();
  const [form, fields] = useAppForm(orderStatusSchema, { intent: "status" });
  const options = nextStatuses(current);
  const [status, setStatus] = useState<string>(options[0] ?? "");
  const error = statusMessage(fields.status.errors ?? fields.from.errors ?? form.errors);
  if (options.length === 0) {
    return (
      <Text as="p" tone="subdued">
        {t("sections.orders.statusFinal")}
      </Text>
    );
  }
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="status" />
      <input type="hidden" name={fields.from.name} value={current} />
      <Box paddingBlockStart="200">
        <BlockStack gap="200">
          <Divider />
          <InlineStack gap="200" blockAlign="end" wrap={false}>
            <div style={{ flex: 1 }}>
              <Select
                label={t("sections.orders.changeStatus")}
                id={fields.status.id}
                name={fields.status.name}
                options={options.map((value) => ({ value, label: t(`sections.orders.status.${value}`) }))}
                value={status}
                onChange={setStatus}
              />
            </div>
            <SubmitButton intent="status">{t("sections.orders.updateStatus")}</SubmitButton>
          </InlineStack>
          {error && <InlineError message={error} fieldID={fields.status.id} />}
        </BlockStack>
      </Box>
    </Form>
  );
}

function NoteForm() {
  const t = useT();
  const [form, fields] = useAppForm(orderNoteSchema, { intent: "note" });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="note" />
      <BlockStack gap="200">
        <FormTextField label={t("sections.orders.addNote")} field={fields.note} multiline={3} maxLength={ORDER_NOTE_MAX_LENGTH} showCharacterCount />
        <InlineStack align="end">
          <SubmitButton intent="note">{t("sections.orders.addNoteSubmit")}</SubmitButton>
        </InlineStack>
      </BlockStack>
    </Form>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
