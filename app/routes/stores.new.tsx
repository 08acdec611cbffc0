import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Card, FormLayout, Page, Select } from "@shopify/polaris";
import { useState } from "react";
import { readForm } from "~/lib/http.server";
import { invalidSubmission, respond } from "~/lib/respond.server";
import { requireUser } from "~/services/guards.server";
import { createStore } from "~/services/stores.server";
import { parseSubmission } from "~/domain/forms";
import { createStoreSchema } from "~/domain/workspace";
import { PLANS, STAFF_LIMIT } from "~/domain/plans";
import { STORE_DOMAIN_SUFFIX } from "~/domain/store-url";
import { AccountFrame } from "~/components/AccountFrame";
import { FormErrors, FormTextField, SubmitButton, getFormProps, useAppForm, useMessage } from "~/components/forms";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Create a store · Portier" }];

export const schema = createStoreSchema;

export async function loader(args: LoaderFunctionArgs) {
  const { session } = await requireUser(args);
  return { user: session.user };
}

export async function action(args: ActionFunctionArgs) {
  const { session, ip, flash } = await requireUser(args);
  const submission = parseSubmission(await readForm(args.request), schema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const result = await createStore(session.user, submission.value, ip);
  return respond(result, { submission, flash, done: ({ storeId }) => ({ redirect: `/store/${storeId}` }) });
}

export default function NewStore() {
  const t = useT();
  const message = useMessage();
  const { user } = useLoaderData<typeof loader>();
  const [form, fields] = useAppForm(schema);
  const [plan, setPlan] = useState(typeof fields.plan.initialValue === "string" ? fields.plan.initialValue : "BASIC");
  return (
    <AccountFrame name={`${user.firstName} ${user.lastName}`}>
      <Page narrowWidth title={t("stores.new.title")} backAction={{ content: t("common.back"), url: "/account" }}>
        <Card>
          <Form method="post" {...getFormProps(form)}>
            <FormLayout>
              <FormErrors errors={form.errors} />
              <FormTextField label={t("stores.new.name")} field={fields.name} />
              <FormTextField label={t("stores.new.handle")} field={fields.handle} suffix={STORE_DOMAIN_SUFFIX} helpText={t("stores.new.handleHelp")} />
              <FormTextField label={t("stores.new.contactEmail")} field={fields.contactEmail} type="email" defaultValue={user.email} />
              <Select
                id={fields.plan.id}
                label={t("stores.new.plan")}
                name={fields.plan.name}
                value={plan}
                onChange={setPlan}
                error={message(fields.plan.errors)}
                options={PLANS.map((p) => ({ value: p, label: t(`plan.${p}`, { limit: STAFF_LIMIT[p], count: STAFF_LIMIT[p] }) }))}
              />
              <SubmitButton>{t("stores.new.submit")}</SubmitButton>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </AccountFrame>
  );
}
