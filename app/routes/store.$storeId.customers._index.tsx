import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, IndexTable, Link, Text } from "@shopify/polaris";
import { requireSection } from "~/services/guards.server";
import { CUSTOMER_FILTERS, listCustomers } from "~/services/customers.server";
import { sectionActor } from "~/services/section-actor.server";
import { parseListQuery } from "~/domain/section-list";
import { can } from "~/domain/permissions";
import { customerName } from "~/domain/customers";
import { ResourceIndex } from "~/components/ResourceIndex";
import { CustomerExportForm, submitExport } from "~/components/CustomerExport";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Customers · Portier" }];

export async function loader(args: LoaderFunctionArgs) {
  const context = await requireSection(args, args.params.storeId, "customers", "view");
  const query = parseListQuery(new URL(args.request.url).searchParams, CUSTOMER_FILTERS);
  const page = await listCustomers(sectionActor(context), query);
  return { ...page, query: { q: query.q, status: query.status }, storeId: context.actor.store.id, canManage: can(context.actor.permissions, "customers", "manage") };
}

export default function Customers() {
  const t = useT();
  const { items, pageInfo, query, storeId, canManage } = useLoaderData<typeof loader>();
  const add = canManage ? { content: t("sections.customers.add"), url: `/store/${storeId}/customers/new` } : undefined;
  return (
    <ResourceIndex
      title={t("permission.section.customers")}
      primaryAction={add}
      secondaryActions={
        canManage
          ? [
              { content: t("sections.customers.import.action"), url: `/store/${storeId}/customers/import` },
              { content: t("sections.customers.export.action"), onAction: submitExport },
            ]
          : undefined
      }
      resourceName={{ singular: t("sections.customers.singular"), plural: t("sections.customers.plural") }}
      tabs={[
        { value: "", label: t("sections.list.all") },
        { value: "SUBSCRIBED", label: t("sections.customers.subscribers") },
      ]}
      query={query}
      searchLabel={t("sections.customers.search")}
      headings={[
        { title: t("sections.customers.customer") },
        { title: t("common.email") },
        { title: t("sections.customers.location") },
        { title: t("sections.customers.orders"), alignment: "end" },
        { title: t("sections.customers.subscription") },
      ]}
      items={items}
      pageInfo={pageInfo}
      empty={{
        heading: t("sections.customers.empty.title"),
        body: canManage ? t("sections.customers.empty.body") : t("sections.customers.empty.bodyViewOnly"),
        action: add,
      }}
      renderRow={(customer, index) => (
        <IndexTable.Row id={customer.id} key={customer.id} position={index}>
          <IndexTable.Cell>
            <Link url={`/store/${storeId}/customers/${customer.id}`} dataPrimaryLink removeUnderline monochrome>
              <Text as="span" fontWeight="semibold">
                {customerName(customer)}
              </Text>
            </Link>
          </IndexTable.Cell>
          <IndexTable.Cell>{customer.email}</IndexTable.Cell>
          <IndexTable.Cell>{[customer.city, customer.country].filter(Boolean).join(", ")}</IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" alignment="end" numeric>
              {customer._count.orders}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>
            {customer.acceptsMarketing ? <Badge tone="success">{t("sections.customers.subscribed")}</Badge> : <Badge>{t("sections.customers.notSubscribed")}</Badge>}
          </IndexTable.Cell>
        </IndexTable.Row>
      )}
    >
      {canManage && <CustomerExportForm storeId={storeId} />}
    </ResourceIndex>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
