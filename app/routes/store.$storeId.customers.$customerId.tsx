import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Card, DescriptionList, InlineStack, Layout, Link, Page, Text } from "@shopify/polaris";
import { useCallback, useState } from "react";
import { z } from "zod";
import { notFound } from "~/lib/http.server";
import { readIntent } from "~/lib/intents.server";
import { respond } from "~/lib/respond.server";
import { requireSection } from "~/services/guards.server";
import { deleteCustomer, getCustomer, updateCustomer } from "~/services/customers.server";
import { sectionActor } from "~/services/section-actor.server";
import { can } from "~/domain/permissions";
import { customerName, customerSchema } from "~/domain/customers";
import { ORDER_STATUS_TONE } from "~/domain/orders";
import { message } from "~/i18n/messages";
import { CustomerForm } from "~/components/CustomerForm";
import { ConfirmDialog } from "~/components/ConfirmDialog";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { formatDate, formatMoney } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${customerName(data.customer)} · Portier` : "Portier" }];

/** Saving the form, or deleting (no fields: the customer is the page's). */
export const forms = { save: customerSchema, delete: z.object({}) };

export async function loader(args: LoaderFunctionArgs) {
  const context = await requireSection(args, args.params.storeId, "customers", "view");
  const found = await getCustomer(sectionActor(context), args.params.customerId);
  if (!found) notFound();
  const permissions = context.actor.permissions;
  return {
    ...found,
    storeId: context.actor.store.id,
    canManage: can(permissions, "customers", "manage"),
    canViewOrders: can(permissions, "orders", "view"),
  };
}

export async function action(args: ActionFunctionArgs) {
  const context = await requireSection(args, args.params.storeId, "customers", "manage");
  const input = await readIntent(args.request, forms);
  if ("response" in input) return input.response;
  const actor = sectionActor(context);
  const list = `/store/${actor.storeId}/customers`;
  const answer = { submission: input.submission, flash: context.flash };
  if (input.intent === "delete") {
    const result = await deleteCustomer(actor, args.params.customerId);
    return respond(result, { ...answer, done: () => ({ redirect: list, toast: message("sections.toast.customerDeleted") }) });
  }
  const result = await updateCustomer(actor, args.params.customerId, input.value);
  return respond(result, { ...answer, done: () => ({ redirect: `${list}/${args.params.customerId}`, toast: message("sections.toast.customerSaved") }) });
}

export default function CustomerPage() {
  const t = useT();
  const locale = useLocale();
  const { customer, orders, orderCount, spentCents, currency, storeId, canManage, canViewOrders } = useLoaderData<typeof loader>();
  const [confirming, setConfirming] = useState(false);
  const close = useCallback(() => setConfirming(false), []);
  const name = customerName(customer);
  const location = [customer.city, customer.country].filter(Boolean).join(", ");
  return (
    <Page
      title={name}
      subtitle={t("sections.customers.since", { date: formatDate(locale, customer.createdAt) })}
      backAction={{ content: t("permission.section.customers"), url: `/store/${storeId}/customers` }}
      secondaryActions={canManage ? [{ content: t("sections.customers.delete"), destructive: true, onAction: () => setConfirming(true) }] : undefined}
    >
      <Layout>
        <Layout.Section>
          {canManage ? (
            <CustomerForm
              key={`${customer.email}|${customer.firstName}|${customer.lastName}|${customer.phone}|${customer.company}|${customer.city}|${customer.country}|${customer.note}|${customer.acceptsMarketing}`}
              defaults={customer}
              submitLabel={t("common.save")}
            />
          ) : (
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("sections.customers.details")}
                </Text>
                <DescriptionList
                  items={[
                    { term: t("common.email"), description: customer.email },
                    { term: t("sections.customers.phone"), description: customer.phone || "—" },
                    { term: t("sections.customers.company"), description: customer.company || "—" },
                    { term: t("sections.customers.location"), description: location || "—" },
                    { term: t("sections.customers.subscription"), description: customer.acceptsMarketing ? t("sections.customers.subscribed") : t("sections.customers.notSubscribed") },
                    { term: t("sections.customers.note"), description: customer.note ? <span style={{ whiteSpace: "pre-wrap" }}>{customer.note}</span> : "—" },
                  ]}
                />
              </BlockStack>
            </Card>
          )}
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("sections.customers.orders")}
              </Text>
              <Text as="p" tone="subdued">
                {t("sections.customers.orderSummary", { count: orderCount, amount: formatMoney(locale, spentCents, currency) })}
              </Text>
              {orders.length === 0 ? (
                <Text as="p">{t("sections.customers.noOrders")}</Text>
              ) : (
                <BlockStack gap="200">
                  {orders.map((order) => (
                    <InlineStack key={order.id} align="space-between" blockAlign="center" gap="200">
                      <BlockStack gap="050">
                        {canViewOrders ? (
                          <Link url={`/store/${storeId}/orders/${order.id}`}>#{order.number}</Link>
                        ) : (
                          <Text as="span">#{order.number}</Text>
                        )}
                        <Text as="span" tone="subdued" variant="bodySm">
                          {formatDate(locale, order.createdAt)}
                        </Text>
                      </BlockStack>
                      <InlineStack gap="200" blockAlign="center">
                        <Badge tone={ORDER_STATUS_TONE[order.status]}>{t(`sections.orders.status.${order.status}`)}</Badge>
                        <Text as="span" numeric>
                          {formatMoney(locale, order.totalCents, currency)}
                        </Text>
                      </InlineStack>
                    </InlineStack>
                  ))}
                  {orderCount > orders.length && (
                    <Text as="p" tone="subdued" variant="bodySm">
                      {t("sections.customers.moreOrders", { count: orderCount - orders.length })}
                    </Text>
                  )}
                </BlockStack>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
      {canManage && (
        <ConfirmDialog open={confirming} onClose={close} title={t("sections.customers.deleteConfirm.title", { name })} confirmLabel={t("sections.customers.delete")} intent="delete">
          <Text as="p">{t("sections.customers.deleteConfirm.body", { count: orderCount })}</Text>
        </ConfirmDialog>
      )}
    </Page>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
