import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useSearchParams } from "@remix-run/react";
import { BlockStack, Card, FormLayout, Text } from "@shopify/polaris";
import { readForm } from "~/lib/http.server";
import { invalidSubmission, respond } from "~/lib/respond.server";
import { getSessionUser, requestMeta, sessionCookie } from "~/services/guards.server";
import { signUp } from "~/services/auth.server";
import { parseSubmission } from "~/domain/forms";
import { signUpSchema, PASSWORD_MIN } from "~/domain/auth";
import { AuthLayout } from "~/components/AuthLayout";
import { FormErrors, FormTextField, SubmitButton, getFormProps, useAppForm } from "~/components/forms";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Sign up · Portier" }];

export const schema = signUpSchema;

export async function loader(args: LoaderFunctionArgs) {
  if (await getSessionUser(args)) return redirect("/");
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const submission = parseSubmission(await readForm(args.request), schema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const result = await signUp(submission.value, requestMeta(args));
  return respond(result, { submission, done: ({ token, expiresAt }) => ({ redirect: "/", headers: { "Set-Cookie": sessionCookie(token, expiresAt) } }) });
}

export default function SignUp() {
  const t = useT();
  const [params] = useSearchParams();
  const [form, fields] = useAppForm(schema);
  return (
    <AuthLayout>
      <Card>
        <Form method="post" {...getFormProps(form)}>
          <BlockStack gap="400">
            <Text as="h1" variant="headingLg">
              {t("auth.signup.title")}
            </Text>
            <FormErrors errors={form.errors} />
            <FormLayout>
              <FormLayout.Group>
                <FormTextField label={t("auth.firstName")} field={fields.firstName} autoComplete="given-name" />
                <FormTextField label={t("auth.lastName")} field={fields.lastName} autoComplete="family-name" />
              </FormLayout.Group>
              <FormTextField label={t("auth.email")} field={fields.email} type="email" autoComplete="email" defaultValue={params.get("email") ?? ""} />
              <FormTextField label={t("auth.password")} field={fields.password} type="password" autoComplete="new-password" helpText={t("auth.passwordHelp", { min: PASSWORD_MIN })} />
              <SubmitButton>{t("auth.signup.submit")}</SubmitButton>
            </FormLayout>
            <Text as="p">
              {t("auth.signup.haveAccount")} <Link to="/login">{t("auth.login.link")}</Link>
            </Text>
          </BlockStack>
        </Form>
      </Card>
    </AuthLayout>
  );
}
