import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Card, FormLayout, Page } from "@shopify/polaris";
import { readForm } from "~/lib/http.server";
import { invalidSubmission, respond } from "~/lib/respond.server";
import { requireUser } from "~/services/guards.server";
import { createOrganization } from "~/services/organizations.server";
import { parseSubmission } from "~/domain/forms";
import { createOrganizationSchema } from "~/domain/workspace";
import { AccountFrame } from "~/components/AccountFrame";
import { FormErrors, FormTextField, SubmitButton, getFormProps, useAppForm } from "~/components/forms";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Create a partner organization · Portier" }];

export const schema = createOrganizationSchema;

export async function loader(args: LoaderFunctionArgs) {
  const { session } = await requireUser(args);
  return { user: session.user };
}

export async function action(args: ActionFunctionArgs) {
  const { session, ip, flash } = await requireUser(args);
  const submission = parseSubmission(await readForm(args.request), schema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const result = await createOrganization(session.user, submission.value, ip);
  return respond(result, { submission, flash, done: (organization) => ({ redirect: `/partners/${organization.id}/stores` }) });
}

export default function NewOrganization() {
  const t = useT();
  const { user } = useLoaderData<typeof loader>();
  const [form, fields] = useAppForm(schema);
  return (
    <AccountFrame name={`${user.firstName} ${user.lastName}`}>
      <Page narrowWidth title={t("organizations.new.title")} backAction={{ content: t("common.back"), url: "/account" }}>
        <Card>
          <Form method="post" {...getFormProps(form)}>
            <FormLayout>
              <FormErrors errors={form.errors} />
              <FormTextField label={t("organizations.new.name")} field={fields.name} helpText={t("organizations.new.nameHelp")} />
              <SubmitButton>{t("organizations.new.submit")}</SubmitButton>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </AccountFrame>
  );
}
