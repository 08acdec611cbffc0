import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Page } from "@shopify/polaris";
import { readForm } from "~/lib/http.server";
import { invalidSubmission, respond } from "~/lib/respond.server";
import { requireSection } from "~/services/guards.server";
import { createCustomer } from "~/services/customers.server";
import { sectionActor } from "~/services/section-actor.server";
import { parseSubmission } from "~/domain/forms";
import { customerSchema } from "~/domain/customers";
import { message } from "~/i18n/messages";
import { CustomerForm } from "~/components/CustomerForm";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Add customer · Portier" }];

export const schema = customerSchema;

export async function loader(args: LoaderFunctionArgs) {
  const context = await requireSection(args, args.params.storeId, "customers", "manage");
  return { storeId: context.actor.store.id };
}

export async function action(args: ActionFunctionArgs) {
  const context = await requireSection(args, args.params.storeId, "customers", "manage");
  const submission = parseSubmission(await readForm(args.request), schema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const actor = sectionActor(context);
  const result = await createCustomer(actor, submission.value);
  return respond(result, {
    submission,
    flash: context.flash,
    done: ({ customerId }) => ({ redirect: `/store/${actor.storeId}/customers/${customerId}`, toast: message("sections.toast.customerCreated") }),
  });
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
