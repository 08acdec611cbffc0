// The link of a "Forgot your password?" mail. Opening it (GET) never uses it: mail scanners open links
// too. The form's POST uses it, sets the new password and signs out every session of the login.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { BlockStack, Button, Card, FormLayout, Text } from "@shopify/polaris";
import { readForm } from "~/lib/http.server";
import { invalidSubmission, respond } from "~/lib/respond.server";
import { requestMeta } from "~/services/guards.server";
import { getPasswordReset, resetPassword } from "~/services/account-recovery.server";
import { parseSubmission } from "~/domain/forms";
import { PASSWORD_MIN } from "~/domain/auth";
import { resetPasswordSchema } from "~/domain/account";
import { AuthLayout } from "~/components/AuthLayout";
import { FormErrors, FormTextField, SubmitButton, getFormProps, useAppForm } from "~/components/forms";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Choose a new password · Portier" }, { name: "referrer", content: "no-referrer" }];

export const schema = resetPasswordSchema;

export async function loader(args: LoaderFunctionArgs) {
  return getPasswordReset(args.params.token);
}

export async function action(args: ActionFunctionArgs) {
  const submission = parseSubmission(await readForm(args.request), schema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const result = await resetPassword(args.params.token, submission.value, requestMeta(args));
  return respond(result, { submission, done: () => ({ redirect: "/login?reset=done" }) });
}

export default function ResetPassword() {
  const t = useT();
  const { state, email } = useLoaderData<typeof loader>();
  const [form, fields] = useAppForm(schema);
  if (state !== "valid" || !email) {
    return (
      <AuthLayout>
        <Card>
          <BlockStack gap="300">
            <Text as="h1" variant="headingLg">
              {t(`account.reset.${state === "valid" ? "invalid" : state}.title`)}
            </Text>
            <Text as="p">{t(`account.reset.${state === "valid" ? "invalid" : state}.body`)}</Text>
            <div>
              <Button variant="primary" url="/forgot-password">
                {t("account.reset.newLink")}
              </Button>
            </div>
            <Link to="/login">{t("account.forgot.back")}</Link>
          </BlockStack>
        </Card>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout>
      <Card>
        <Form method="post" {...getFormProps(form)}>
          <BlockStack gap="400">
            <Text as="h1" variant="headingLg">
              {t("account.reset.title")}
            </Text>
            <Text as="p">{t("account.reset.intro", { email })}</Text>
            <FormErrors errors={form.errors} />
            {form.errors?.length ? <Link to="/forgot-password">{t("account.reset.newLink")}</Link> : null}
            <FormLayout>
              <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
              <FormTextField label={t("account.password.new")} field={fields.newPassword} type="password" autoComplete="new-password" helpText={t("auth.passwordHelp", { min: PASSWORD_MIN })} />
              <FormTextField label={t("account.password.confirm")} field={fields.confirmPassword} type="password" autoComplete="new-password" />
              <SubmitButton>{t("account.reset.submit")}</SubmitButton>
            </FormLayout>
          </BlockStack>
        </Form>
      </Card>
    </AuthLayout>
  );
}
