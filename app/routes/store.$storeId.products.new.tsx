import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Page } from "@shopify/polaris";
import { readForm } from "~/lib/http.server";
import { invalidSubmission, respond } from "~/lib/respond.server";
import { requireSection } from "~/services/guards.server";
import { createProduct } from "~/services/products.server";
import { storeCurrency } from "~/services/section-list.server";
import { sectionActor } from "~/services/section-actor.server";
import { parseSubmission } from "~/domain/forms";
import { productSchema } from "~/domain/products";
import { message } from "~/i18n/messages";
import { ProductForm } from "~/components/ProductForm";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Add product · Portier" }];

export const schema = productSchema;

export async function loader(args: LoaderFunctionArgs) {
  const context = await requireSection(args, args.params.storeId, "products", "manage");
  return { storeId: context.actor.store.id, currency: await storeCurrency(context.actor.store.id) };
}

export async function action(args: ActionFunctionArgs) {
  const context = await requireSection(args, args.params.storeId, "products", "manage");
  const submission = parseSubmission(await readForm(args.request), schema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const actor = sectionActor(context);
  const result = await createProduct(actor, submission.value);
  return respond(result, {
    submission,
    flash: context.flash,
    done: ({ productId }) => ({ redirect: `/store/${actor.storeId}/products/${productId}`, toast: message("sections.toast.productCreated") }),
  });
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
