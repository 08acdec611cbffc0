import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useSearchParams } from "@remix-run/react";
import { Banner, BlockStack, Card, FormLayout, Text } from "@shopify/polaris";
import { readForm } from "~/lib/http.server";
import { invalidSubmission, respond } from "~/lib/respond.server";
import { deviceCookie, deviceToken, getSessionUser, requestMeta, sessionCookie } from "~/services/guards.server";
import { signIn } from "~/services/auth.server";
import { parseSubmission } from "~/domain/forms";
import { safeRedirect, signInSchema } from "~/domain/auth";
import { AuthLayout } from "~/components/AuthLayout";
import { FormErrors, FormTextField, SubmitButton, getFormProps, useAppForm } from "~/components/forms";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Log in · Portier" }];

export const schema = signInSchema;

export async function loader(args: LoaderFunctionArgs) {
  if (await getSessionUser(args)) return redirect("/");
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const submission = parseSubmission(await readForm(args.request), schema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const result = await signIn(submission.value, { ...requestMeta(args), deviceToken: deviceToken(args.request) });
  return respond(result, {
    submission,
    done: ({ token, expiresAt, device }) => ({
      redirect: safeRedirect(submission.value.redirectTo),
      headers: [["Set-Cookie", sessionCookie(token, expiresAt)], ...(device ? [["Set-Cookie", deviceCookie(device.token, device.expiresAt)] as [string, string]] : [])],
    }),
  });
}

export default function Login() {
  const t = useT();
  const [params] = useSearchParams();
  const [form, fields] = useAppForm(schema);
  return (
    <AuthLayout>
      <Card>
        <Form method="post" {...getFormProps(form)}>
          <BlockStack gap="400">
            <Text as="h1" variant="headingLg">
              {t("auth.login.title")}
            </Text>
            {params.get("reset") === "done" && (
              <Banner tone="success">
                <p>{t("account.login.resetDone")}</p>
              </Banner>
            )}
            {params.get("email") === "changed" && (
              <Banner tone="success">
                <p>{t("account.email.doneSignedOut")}</p>
              </Banner>
            )}
            <FormErrors errors={form.errors} />
            <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
            <FormLayout>
              <FormTextField label={t("auth.email")} field={fields.email} type="email" autoComplete="email" />
              <FormTextField label={t("auth.password")} field={fields.password} type="password" autoComplete="current-password" />
              <SubmitButton>{t("auth.login.submit")}</SubmitButton>
            </FormLayout>
            <Text as="p">
              <Link to="/forgot-password">{t("account.forgot.link")}</Link>
            </Text>
            <Text as="p">
              {t("auth.login.noAccount")} <Link to="/signup">{t("auth.signup.link")}</Link>
            </Text>
          </BlockStack>
        </Form>
      </Card>
    </AuthLayout>
  );
}
