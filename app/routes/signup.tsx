import { readForm } from "~/lib/http.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useSearchParams } from "@remix-run/react";
import { BlockStack, Card, FormLayout, Text } from "@shopify/polaris";
import { getSessionUser, requestMeta, sessionCookie } from "~/lib/auth.server";
import { parseForm } from "~/domain/forms";
import { signUpSchema, PASSWORD_MIN } from "~/domain/auth";
import { signUp } from "~/services/auth.server";
import { AuthLayout } from "~/components/AuthLayout";
import { FormTextField, SubmitButton, useFieldErrors } from "~/components/forms";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Sign up · Portier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) return redirect("/");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const values = { firstName: String(form.get("firstName") ?? ""), lastName: String(form.get("lastName") ?? ""), email: String(form.get("email") ?? "") };
  const parsed = parseForm(signUpSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values, params: { max: 80 } }, { status: 400 });
  const result = await signUp(parsed.data, requestMeta(request));
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  return redirect("/", { headers: { "Set-Cookie": sessionCookie(result.token, result.expiresAt) } });
}

export default function SignUp() {
  const t = useT();
  const { error, values } = useFieldErrors();
  const [params] = useSearchParams();
  return (
    <AuthLayout>
      <Card>
        <Form method="post" noValidate>
          <BlockStack gap="400">
            <Text as="h1" variant="headingLg">
              {t("auth.signup.title")}
            </Text>
            <FormLayout>
              <FormLayout.Group>
                <FormTextField label={t("auth.firstName")} name="firstName" autoComplete="given-name" defaultValue={values.firstName} error={error("firstName")} />
                <FormTextField label={t("auth.lastName")} name="lastName" autoComplete="family-name" defaultValue={values.lastName} error={error("lastName")} />
              </FormLayout.Group>
              <FormTextField label={t("auth.email")} name="email" type="email" autoComplete="email" defaultValue={values.email ?? params.get("email") ?? ""} error={error("email")} />
              <FormTextField
                label={t("auth.password")}
                name="password"
                type="password"
                autoComplete="new-password"
                helpText={t("auth.passwordHelp", { min: PASSWORD_MIN })}
                error={error("password")}
              />
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
