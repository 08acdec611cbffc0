import { readForm } from "~/lib/http.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useSearchParams } from "@remix-run/react";
import { Banner, BlockStack, Card, FormLayout, Text } from "@shopify/polaris";
import { getSessionUser, requestMeta, sessionCookie } from "~/lib/auth.server";
import { parseForm } from "~/domain/forms";
import { safeRedirect, signInSchema } from "~/domain/auth";
import { signIn } from "~/services/auth.server";
import { AuthLayout } from "~/components/AuthLayout";
import { FormTextField, SubmitButton, useFieldErrors } from "~/components/forms";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Log in · Portier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) return redirect("/");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(signInSchema, await readForm(request));
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const result = await signIn(parsed.data, requestMeta(request));
  if (!result.ok) return data({ errors: result.errors, values: { email: parsed.data.email } }, { status: result.errors.form === "auth.errors.throttled" ? 429 : 400 });
  return redirect(safeRedirect(parsed.data.redirectTo), { headers: { "Set-Cookie": sessionCookie(result.token, result.expiresAt) } });
}

export default function Login() {
  const t = useT();
  const { error, values } = useFieldErrors();
  const [params] = useSearchParams();
  return (
    <AuthLayout>
      <Card>
        <Form method="post" noValidate>
          <BlockStack gap="400">
            <Text as="h1" variant="headingLg">
              {t("auth.login.title")}
            </Text>
            {error("form") && <Banner tone="critical">{error("form")}</Banner>}
            <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
            <FormLayout>
              <FormTextField label={t("auth.email")} name="email" type="email" autoComplete="email" defaultValue={values.email} error={error("email")} />
              <FormTextField label={t("auth.password")} name="password" type="password" autoComplete="current-password" error={error("password")} />
              <SubmitButton>{t("auth.login.submit")}</SubmitButton>
            </FormLayout>
            <Text as="p">
              {t("auth.login.noAccount")} <Link to="/signup">{t("auth.signup.link")}</Link>
            </Text>
          </BlockStack>
        </Form>
      </Card>
    </AuthLayout>
  );
}
