import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Card, DescriptionList, Layout, Page, Text } from "@shopify/polaris";
import { useCallback, useState } from "react";
import { z } from "zod";
import { notFound } from "~/lib/http.server";
import { readIntent } from "~/lib/intents.server";
import { respond } from "~/lib/respond.server";
import { requireSection } from "~/services/guards.server";
import { archiveProduct, getProduct, updateProduct } from "~/services/products.server";
import { sectionActor } from "~/services/section-actor.server";
import { can } from "~/domain/permissions";
import { priceInputValue, productEditSchema, PRODUCT_STATUS_TONE } from "~/domain/products";
import { message } from "~/i18n/messages";
import { ProductForm } from "~/components/ProductForm";
import { ConfirmDialog } from "~/components/ConfirmDialog";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { formatDate, formatMoney } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.product.title} · Portier` : "Portier" }];

/** Saving the form, or archiving (no fields: the product is the page's). */
export const forms = { save: productEditSchema, archive: z.object({}) };

export async function loader(args: LoaderFunctionArgs) {
  const context = await requireSection(args, args.params.storeId, "products", "view");
  const found = await getProduct(sectionActor(context), args.params.productId);
  if (!found) notFound();
  return { ...found, storeId: context.actor.store.id, canManage: can(context.actor.permissions, "products", "manage") };
}

export async function action(args: ActionFunctionArgs) {
  const context = await requireSection(args, args.params.storeId, "products", "manage");
  const input = await readIntent(args.request, forms);
  if ("response" in input) return input.response;
  const actor = sectionActor(context);
  const here = `/store/${actor.storeId}/products/${args.params.productId}`;
  const answer = { submission: input.submission, flash: context.flash };
  if (input.intent === "archive") {
    const result = await archiveProduct(actor, args.params.productId);
    return respond(result, { ...answer, done: () => ({ redirect: here, toast: message("sections.toast.productArchived") }) });
  }
  const { version, ...product } = input.value;
  const result = await updateProduct(actor, args.params.productId, product, version);
  return respond(result, { ...answer, done: () => ({ redirect: here, toast: message("sections.toast.productSaved") }) });
}

export default function ProductPage() {
  const t = useT();
  const locale = useLocale();
  const { product, currency, storeId, canManage } = useLoaderData<typeof loader>();
  const [confirming, setConfirming] = useState(false);
  const close = useCallback(() => setConfirming(false), []);
  const canArchive = canManage && product.status !== "ARCHIVED";
  return (
    <Page
      title={product.title}
      titleMetadata={<Badge tone={PRODUCT_STATUS_TONE[product.status]}>{t(`sections.products.status.${product.status}`)}</Badge>}
      backAction={{ content: t("permission.section.products"), url: `/store/${storeId}/products` }}
      secondaryActions={canArchive ? [{ content: t("sections.products.archive"), destructive: true, onAction: () => setConfirming(true) }] : undefined}
    >
      {canManage ? (
        <ProductForm
          key={product.updatedAt.toString()}
          version={new Date(product.updatedAt).getTime()}
          defaults={{
            title: product.title,
            description: product.description,
            price: priceInputValue(product.priceCents, locale),
            inventory: String(product.inventory),
            sku: product.sku,
            status: product.status,
          }}
          currency={currency}
          submitLabel={t("common.save")}
        />
      ) : (
        <Layout>
          <Layout.Section>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("sections.products.details")}
                </Text>
                <DescriptionList
                  items={[
                    { term: t("sections.products.title"), description: product.title },
                    { term: t("sections.products.description"), description: product.description || "—" },
                    { term: t("sections.products.price"), description: formatMoney(locale, product.priceCents, currency) },
                    { term: t("sections.products.inventory"), description: t("sections.products.inStock", { count: product.inventory }) },
                    { term: t("sections.products.sku"), description: product.sku || "—" },
                    { term: t("common.status"), description: t(`sections.products.status.${product.status}`) },
                    { term: t("sections.products.updatedAt"), description: formatDate(locale, product.updatedAt, true) },
                  ]}
                />
              </BlockStack>
            </Card>
          </Layout.Section>
        </Layout>
      )}
      {canArchive && (
        <ConfirmDialog
          open={confirming}
          onClose={close}
          title={t("sections.products.archiveConfirm.title", { title: product.title })}
          confirmLabel={t("sections.products.archive")}
          intent="archive"
        >
          <Text as="p">{t("sections.products.archiveConfirm.body")}</Text>
        </ConfirmDialog>
      )}
    </Page>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
