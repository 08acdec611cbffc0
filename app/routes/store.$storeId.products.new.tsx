import { readForm } from "~/lib/http.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Page } from "@shopify/polaris";
import { requestMeta, requireSection } from "~/lib/auth.server";
import { createProduct } from "~/services/products.server";
import { storeCurrency } from "~/services/section-list.server";
import { sectionActor } from "~/services/section-actor.server";
import { formToObject, parseForm } from "~/domain/forms";
import { productSchema, PRODUCT_MAX_LENGTHS } from "~/domain/products";
import { tooLongParams } from "~/domain/section-list";
import { ProductForm } from "~/components/ProductForm";
import { toastUrl } from "~/components/FlashToast";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Add product · Portier" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireSection(request, params.storeId, "products", "manage");
  return { storeId: context.actor.store.id, currency: await storeCurrency(context.actor.store.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireSection(request, params.storeId, "products", "manage");
  const actor = sectionActor(context, requestMeta(request).ip);
  const form = await readForm(request);
  const values = formToObject(form);
  const parsed = parseForm(productSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values, params: tooLongParams(parsed.errors, PRODUCT_MAX_LENGTHS) }, { status: 400 });
  const result = await createProduct(actor, parsed.data);
  if (!result.ok) {
    if (result.notFound) throw new Error("unreachable: creating has no record to miss");
    return data({ errors: result.errors, values }, { status: result.conflict ? 409 : 400 });
  }
  return redirect(toastUrl(`/store/${actor.storeId}/products/${result.productId}`, "productCreated"));
}

export default function NewProduct() {
  const t = useT();
  const { storeId, currency } = useLoaderData<typeof loader>();
  return (
    <Page title={t("sections.products.add")} backAction={{ content: t("permission.section.products"), url: `/store/${storeId}/products` }}>
      <ProductForm
        defaults={{ title: "", description: "", price: "", inventory: "0", sku: "", status: "ACTIVE" }}
        currency={currency}
        submitLabel={t("common.save")}
      />
    </Page>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
