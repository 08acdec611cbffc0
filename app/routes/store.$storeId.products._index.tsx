import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, IndexTable, Link, Text } from "@shopify/polaris";
import { requireSection } from "~/services/guards.server";
import { listProducts } from "~/services/products.server";
import { sectionActor } from "~/services/section-actor.server";
import { PRODUCT_STATUSES, PRODUCT_STATUS_TONE } from "~/domain/products";
import { parseListQuery } from "~/domain/section-list";
import { can } from "~/domain/permissions";
import { ResourceIndex } from "~/components/ResourceIndex";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { formatMoney } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Products · Portier" }];

export async function loader(args: LoaderFunctionArgs) {
  const context = await requireSection(args, args.params.storeId, "products", "view");
  const query = parseListQuery(new URL(args.request.url).searchParams, PRODUCT_STATUSES);
  const page = await listProducts(sectionActor(context), query);
  return { ...page, query: { q: query.q, status: query.status }, storeId: context.actor.store.id, canManage: can(context.actor.permissions, "products", "manage") };
}

export default function Products() {
  const t = useT();
  const locale = useLocale();
  const { items, pageInfo, currency, query, storeId, canManage } = useLoaderData<typeof loader>();
  const add = canManage ? { content: t("sections.products.add"), url: `/store/${storeId}/products/new` } : undefined;
  return (
    <ResourceIndex
      title={t("permission.section.products")}
      primaryAction={add}
      resourceName={{ singular: t("sections.products.singular"), plural: t("sections.products.plural") }}
      tabs={[{ value: "", label: t("sections.list.all") }, ...PRODUCT_STATUSES.map((status) => ({ value: status, label: t(`sections.products.status.${status}`) }))]}
      query={query}
      searchLabel={t("sections.products.search")}
      headings={[
        { title: t("sections.products.product") },
        { title: t("common.status") },
        { title: t("sections.products.inventory"), alignment: "end" },
        { title: t("sections.products.price"), alignment: "end" },
      ]}
      items={items}
      pageInfo={pageInfo}
      empty={{
        heading: t("sections.products.empty.title"),
        body: canManage ? t("sections.products.empty.body") : t("sections.products.empty.bodyViewOnly"),
        action: add,
      }}
      renderRow={(product, index) => (
        <IndexTable.Row id={product.id} key={product.id} position={index}>
          <IndexTable.Cell>
            <BlockStack gap="050">
              <Link url={`/store/${storeId}/products/${product.id}`} dataPrimaryLink removeUnderline monochrome>
                <Text as="span" fontWeight="semibold">
                  {product.title}
                </Text>
              </Link>
              {product.sku && (
                <Text as="span" tone="subdued" variant="bodySm">
                  {t("sections.products.skuValue", { sku: product.sku })}
                </Text>
              )}
            </BlockStack>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Badge tone={PRODUCT_STATUS_TONE[product.status]}>{t(`sections.products.status.${product.status}`)}</Badge>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" alignment="end" numeric tone={product.inventory <= 0 ? "critical" : undefined}>
              {t("sections.products.inStock", { count: product.inventory })}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" alignment="end" numeric>
              {formatMoney(locale, product.priceCents, currency)}
            </Text>
          </IndexTable.Cell>
        </IndexTable.Row>
      )}
    />
  );
}

export const ErrorBoundary = RouteErrorBoundary;
