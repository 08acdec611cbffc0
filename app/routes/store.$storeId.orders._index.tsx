import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, IndexTable, Link, Text } from "@shopify/polaris";
import { requireSection } from "~/services/guards.server";
import { listOrders } from "~/services/orders.server";
import { sectionActor } from "~/services/section-actor.server";
import { ORDER_STATUSES, ORDER_STATUS_TONE } from "~/domain/orders";
import { parseListQuery } from "~/domain/section-list";
import { customerName } from "~/domain/customers";
import { ResourceIndex } from "~/components/ResourceIndex";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { formatDate, formatMoney } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Orders · Portier" }];

export async function loader(args: LoaderFunctionArgs) {
  const context = await requireSection(args, args.params.storeId, "orders", "view");
  const query = parseListQuery(new URL(args.request.url).searchParams, ORDER_STATUSES);
  const page = await listOrders(sectionActor(context), query);
  return { ...page, query: { q: query.q, status: query.status }, storeId: context.actor.store.id };
}

export default function Orders() {
  const t = useT();
  const locale = useLocale();
  const { items, pageInfo, currency, query, storeId } = useLoaderData<typeof loader>();
  return (
    <ResourceIndex
      title={t("permission.section.orders")}
      resourceName={{ singular: t("sections.orders.singular"), plural: t("sections.orders.plural") }}
      tabs={[{ value: "", label: t("sections.list.all") }, ...ORDER_STATUSES.map((status) => ({ value: status, label: t(`sections.orders.status.${status}`) }))]}
      query={query}
      searchLabel={t("sections.orders.search")}
      headings={[
        { title: t("sections.orders.order") },
        { title: t("common.date") },
        { title: t("sections.orders.customer") },
        { title: t("common.status") },
        { title: t("sections.orders.items"), alignment: "end" },
        { title: t("sections.orders.total"), alignment: "end" },
      ]}
      items={items}
      pageInfo={pageInfo}
      empty={{ heading: t("sections.orders.empty.title"), body: t("sections.orders.empty.body") }}
      renderRow={(order, index) => (
        <IndexTable.Row id={order.id} key={order.id} position={index}>
          <IndexTable.Cell>
            <Link url={`/store/${storeId}/orders/${order.id}`} dataPrimaryLink removeUnderline monochrome>
              <Text as="span" fontWeight="semibold">
                #{order.number}
              </Text>
            </Link>
          </IndexTable.Cell>
          <IndexTable.Cell>{formatDate(locale, order.createdAt, true)}</IndexTable.Cell>
          <IndexTable.Cell>{order.customer ? customerName(order.customer) : <Text as="span" tone="subdued">{t("sections.orders.noCustomer")}</Text>}</IndexTable.Cell>
          <IndexTable.Cell>
            <Badge tone={ORDER_STATUS_TONE[order.status]}>{t(`sections.orders.status.${order.status}`)}</Badge>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" alignment="end" numeric>
              {order.itemCount}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" alignment="end" numeric>
              {formatMoney(locale, order.totalCents, currency)}
            </Text>
          </IndexTable.Cell>
        </IndexTable.Row>
      )}
    />
  );
}

export const ErrorBoundary = RouteErrorBoundary;
