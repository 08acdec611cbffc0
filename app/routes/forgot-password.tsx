// "Forgot your password?": the person types their email and is told the same thing whether or not a
// login uses it (the service does the same work either way); the link comes by mail.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useSearchParams } from "@remix-run/react";
import { Banner, BlockStack, Card, FormLayout, Text } from "@shopify/polaris";
import { readForm } from "~/lib/http.server";
import { localeFor } from "~/lib/locale.server";
import { invalidSubmission, respond } from "~/lib/respond.server";
import { getSessionUser, requestMeta } from "~/services/guards.server";
import { requestPasswordReset } from "~/services/account-recovery.server";
import { parseSubmission } from "~/domain/forms";
import { forgotPasswordSchema, RESET_LINK_MINUTES } from "~/domain/account";
import { AuthLayout } from "~/components/AuthLayout";
import { FormErrors, FormTextField, SubmitButton, getFormProps, useAppForm } from "~/components/forms";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Reset your password · Portier" }];

export const schema = forgotPasswordSchema;

export async function loader(args: LoaderFunctionArgs) {
  if (await getSessionUser(args)) return redirect("/account/settings");
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const submission = parseSubmission(await readForm(args.request), schema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const { ip } = requestMeta(args);
  const result = await requestPasswordReset(submission.value, { ip, locale: localeFor(args.request, null) });
  return respond(result, { submission, done: () => ({ redirect: "/forgot-password?sent=1" }) });
}

export default function ForgotPassword() {
  const t = useT();
  const [params] = useSearchParams();
  const [form, fields] = useAppForm(schema);
  const sent = params.get("sent") === "1";
  return (
    <AuthLayout>
      <Card>
        <BlockStack gap="400">
          <Text as="h1" variant="headingLg">
            {sent ? t("account.forgot.sent.title") : t("account.forgot.title")}
          </Text>
          {sent ? (
            <>
              <Banner tone="info">
                <p>{t("account.forgot.sent.body", { minutes: RESET_LINK_MINUTES })}</p>
              </Banner>
              <Text as="p">
                <Link to="/forgot-password">{t("account.forgot.again")}</Link>
              </Text>
            </>
          ) : (
            <Form method="post" {...getFormProps(form)}>
              <BlockStack gap="400">
                <Text as="p">{t("account.forgot.intro")}</Text>
                <FormErrors errors={form.errors} />
                <FormLayout>
                  <FormTextField label={t("auth.email")} field={fields.email} type="email" autoComplete="email" />
                  <SubmitButton>{t("account.forgot.submit")}</SubmitButton>
                </FormLayout>
              </BlockStack>
            </Form>
          )}
          <Text as="p">
            <Link to="/login">{t("account.forgot.back")}</Link>
          </Text>
        </BlockStack>
      </Card>
    </AuthLayout>
  );
}
