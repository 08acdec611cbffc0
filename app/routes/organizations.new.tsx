import { readForm } from "~/lib/http.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Card, FormLayout, Page } from "@shopify/polaris";
import { requireUser, requestMeta } from "~/lib/auth.server";
import { parseForm } from "~/domain/forms";
import { createOrganizationSchema } from "~/domain/workspace";
import { createOrganization } from "~/services/organizations.server";
import { AccountFrame } from "~/components/AccountFrame";
import { FormTextField, SubmitButton, useFieldErrors } from "~/components/forms";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Create a partner organization · Portier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireUser(request);
  return { user: session.user };
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireUser(request);
  const parsed = parseForm(createOrganizationSchema, await readForm(request));
  if (!parsed.ok) return data({ errors: parsed.errors, params: { max: 100 } }, { status: 400 });
  const organization = await createOrganization(session.user, parsed.data, requestMeta(request).ip);
  return redirect(`/partners/${organization.id}/stores`);
}

export default function NewOrganization() {
  const t = useT();
  const { user } = useLoaderData<typeof loader>();
  const { error } = useFieldErrors();
  return (
    <AccountFrame name={`${user.firstName} ${user.lastName}`}>
      <Page narrowWidth title={t("organizations.new.title")} backAction={{ content: t("common.back"), url: "/account" }}>
        <Card>
          <Form method="post" noValidate>
            <FormLayout>
              <FormTextField label={t("organizations.new.name")} name="name" error={error("name")} helpText={t("organizations.new.nameHelp")} />
              <SubmitButton>{t("organizations.new.submit")}</SubmitButton>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </AccountFrame>
  );
}
