import { readForm } from "~/lib/http.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Page } from "@shopify/polaris";
import { requestMeta, requireSection } from "~/lib/auth.server";
import { createCustomer } from "~/services/customers.server";
import { sectionActor } from "~/services/section-actor.server";
import { formToObject, parseForm } from "~/domain/forms";
import { customerSchema, CUSTOMER_MAX_LENGTHS } from "~/domain/customers";
import { tooLongParams } from "~/domain/section-list";
import { CustomerForm } from "~/components/CustomerForm";
import { toastUrl } from "~/components/FlashToast";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Add customer · Portier" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireSection(request, params.storeId, "customers", "manage");
  return { storeId: context.actor.store.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireSection(request, params.storeId, "customers", "manage");
  const actor = sectionActor(context, requestMeta(request).ip);
  const form = await readForm(request);
  const values = formToObject(form);
  const parsed = parseForm(customerSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values, params: tooLongParams(parsed.errors, CUSTOMER_MAX_LENGTHS) }, { status: 400 });
  const result = await createCustomer(actor, parsed.data);
  if (!result.ok) {
    if (result.notFound) throw new Error("unreachable: creating has no record to miss");
    return data({ errors: result.errors, values }, { status: result.conflict ? 409 : 400 });
  }
  return redirect(toastUrl(`/store/${actor.storeId}/customers/${result.customerId}`, "customerCreated"));
}

export default function NewCustomer() {
  const t = useT();
  const { storeId } = useLoaderData<typeof loader>();
  return (
    <Page narrowWidth title={t("sections.customers.add")} backAction={{ content: t("permission.section.customers"), url: `/store/${storeId}/customers` }}>
      <CustomerForm
        defaults={{ firstName: "", lastName: "", email: "", phone: "", company: "", city: "", country: "", note: "", acceptsMarketing: false }}
        submitLabel={t("common.save")}
      />
    </Page>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
