import { readForm } from "~/lib/http.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Card, FormLayout, Page, Select } from "@shopify/polaris";
import { useState } from "react";
import { requireUser, requestMeta } from "~/lib/auth.server";
import { formToObject, parseForm } from "~/domain/forms";
import { createStoreSchema } from "~/domain/workspace";
import { PLANS, STAFF_LIMIT } from "~/domain/plans";
import { STORE_DOMAIN_SUFFIX } from "~/domain/store-url";
import { createStore } from "~/services/stores.server";
import { AccountFrame } from "~/components/AccountFrame";
import { FormTextField, SubmitButton, useFieldErrors } from "~/components/forms";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Create a store · Portier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireUser(request);
  return { user: session.user };
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireUser(request);
  const form = await readForm(request);
  const values = formToObject(form);
  const parsed = parseForm(createStoreSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values, params: { max: 100 } }, { status: 400 });
  const result = await createStore(session.user, parsed.data, requestMeta(request).ip);
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  return redirect(`/store/${result.storeId}`);
}

export default function NewStore() {
  const t = useT();
  const { user } = useLoaderData<typeof loader>();
  const { error, values } = useFieldErrors();
  const [plan, setPlan] = useState(values.plan ?? "BASIC");
  return (
    <AccountFrame name={`${user.firstName} ${user.lastName}`}>
      <Page narrowWidth title={t("stores.new.title")} backAction={{ content: t("common.back"), url: "/account" }}>
        <Card>
          <Form method="post" noValidate>
            <FormLayout>
              <FormTextField label={t("stores.new.name")} name="name" defaultValue={values.name} error={error("name")} />
              <FormTextField
                label={t("stores.new.handle")}
                name="handle"
                defaultValue={values.handle}
                suffix={STORE_DOMAIN_SUFFIX}
                helpText={t("stores.new.handleHelp")}
                error={error("handle")}
              />
              <FormTextField label={t("stores.new.contactEmail")} name="contactEmail" type="email" defaultValue={values.contactEmail ?? user.email} error={error("contactEmail")} />
              <Select
                label={t("stores.new.plan")}
                name="plan"
                value={plan}
                onChange={setPlan}
                error={error("plan")}
                options={PLANS.map((p) => ({ value: p, label: t(`plan.${p}`, { limit: STAFF_LIMIT[p] }) }))}
              />
              <SubmitButton>{t("stores.new.submit")}</SubmitButton>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </AccountFrame>
  );
}
