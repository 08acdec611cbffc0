import { readForm } from "~/lib/http.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Card, DescriptionList, Layout, Page, Text } from "@shopify/polaris";
import { useCallback, useState } from "react";
import { requestMeta, requireSection } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";
import { archiveProduct, getProduct, updateProduct } from "~/services/products.server";
import { sectionActor } from "~/services/section-actor.server";
import { formToObject, parseForm } from "~/domain/forms";
import { can } from "~/domain/permissions";
import { priceInputValue, productSchema, PRODUCT_MAX_LENGTHS, PRODUCT_STATUS_TONE } from "~/domain/products";
import { tooLongParams } from "~/domain/section-list";
import { ProductForm } from "~/components/ProductForm";
import { ConfirmModal } from "~/components/ConfirmModal";
import { FlashToast, toastUrl } from "~/components/FlashToast";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { formatDate, formatMoney } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.product.title} · Portier` : "Portier" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireSection(request, params.storeId, "products", "view");
  const found = await getProduct(sectionActor(context), params.productId);
  if (!found) notFound();
  return { ...found, storeId: context.actor.store.id, canManage: can(context.actor.permissions, "products", "manage") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireSection(request, params.storeId, "products", "manage");
  const actor = sectionActor(context, requestMeta(request).ip);
  const form = await readForm(request);
  const intent = form.get("intent");
  const here = `/store/${actor.storeId}/products/${params.productId}`;
  if (intent === "archive") {
    const result = await archiveProduct(actor, params.productId);
    if (!result.ok) {
      if (result.notFound) notFound();
      return data({ errors: result.errors }, { status: 400 });
    }
    return redirect(toastUrl(here, "productArchived"));
  }
  const values = formToObject(form);
  const parsed = parseForm(productSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values, params: tooLongParams(parsed.errors, PRODUCT_MAX_LENGTHS) }, { status: 400 });
  const version = /^\d{1,15}$/.test(values.version ?? "") ? Number(values.version) : undefined;
  const result = await updateProduct(actor, params.productId, parsed.data, version);
  if (!result.ok) {
    if (result.notFound) notFound();
    return data({ errors: result.errors, values }, { status: result.conflict ? 409 : 400 });
  }
  return redirect(toastUrl(here, "productSaved"));
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
      <FlashToast />
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
        <ConfirmModal
          open={confirming}
          onClose={close}
          title={t("sections.products.archiveConfirm.title", { title: product.title })}
          body={t("sections.products.archiveConfirm.body")}
          confirmLabel={t("sections.products.archive")}
          intent="archive"
        />
      )}
    </Page>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
