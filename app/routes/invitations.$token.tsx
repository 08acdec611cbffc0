// A staff invitation link: a person without a login sets a password; a person with one accepts while
// signed in with the invited email. Single use, valid for 14 days.
import { readForm } from "~/lib/http.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, Text } from "@shopify/polaris";
import { getSessionUser, requestMeta, sessionCookie } from "~/lib/auth.server";
import { formToObject, parseForm } from "~/domain/forms";
import { PASSWORD_MIN } from "~/domain/auth";
import { acceptInvitationSchema } from "~/domain/staff";
import { acceptStaffInvitation, getStaffInvitation } from "~/services/staff.server";
import { AuthLayout } from "~/components/AuthLayout";
import { FormTextField, SubmitButton, useFieldErrors } from "~/components/forms";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Staff invitation · Portier" }, { name: "referrer", content: "no-referrer" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [invitation, session] = await Promise.all([getStaffInvitation(params.token ?? ""), getSessionUser(request)]);
  const path = `/invitations/${encodeURIComponent(params.token ?? "")}`;
  if (invitation.state !== "valid") return { state: invitation.state, invitation: null, signedInAs: session?.user.email ?? null, path };
  return {
    state: invitation.state,
    path,
    invitation: { email: invitation.email, firstName: invitation.firstName, lastName: invitation.lastName, storeName: invitation.store.name, hasLogin: invitation.hasLogin },
    signedInAs: session?.user.email ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const form = await readForm(request);
  const meta = requestMeta(request);
  if (form.get("intent") === "accept") {
    const session = await getSessionUser(request);
    if (!session) return redirect(`/login?redirectTo=${encodeURIComponent(`/invitations/${token}`)}`);
    const result = await acceptStaffInvitation(token, { kind: "existing", user: session.user }, meta);
    if (!result.ok) return data({ errors: result.errors, params: result.params }, { status: result.status === 404 ? 404 : result.status });
    return redirect(`/store/${result.storeId}`);
  }
  const values = formToObject(form);
  delete values.password;
  const parsed = parseForm(acceptInvitationSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values, params: { max: 80 } }, { status: 400 });
  const result = await acceptStaffInvitation(token, { kind: "new", ...parsed.data }, meta);
  if (!result.ok) return data({ errors: result.errors, values, params: result.params }, { status: result.status });
  const headers = result.session ? { "Set-Cookie": sessionCookie(result.session.token, result.session.expiresAt) } : undefined;
  return redirect(`/store/${result.storeId}`, { headers });
}

export default function Invitation() {
  const t = useT();
  const { state, invitation, signedInAs, path } = useLoaderData<typeof loader>();
  const { error, values } = useFieldErrors();
  if (!invitation) {
    return (
      <AuthLayout>
        <Card>
          <BlockStack gap="300">
            <Text as="h1" variant="headingLg">
              {t(`store.invitation.${state}.title`)}
            </Text>
            <Text as="p">{t(`store.invitation.${state}.body`)}</Text>
            <Link to={signedInAs ? "/" : "/login"}>{signedInAs ? t("errors.goHome") : t("auth.login.link")}</Link>
          </BlockStack>
        </Card>
      </AuthLayout>
    );
  }
  const formError = error("form");
  return (
    <AuthLayout>
      <Card>
        <BlockStack gap="400">
          <Text as="h1" variant="headingLg">
            {t("store.invitation.title", { store: invitation.storeName })}
          </Text>
          <Text as="p">{t("store.invitation.intro", { store: invitation.storeName, email: invitation.email })}</Text>
          {formError && (
            <Banner tone="critical">
              <p>{formError}</p>
            </Banner>
          )}
          {invitation.hasLogin ? (
            signedInAs === invitation.email ? (
              <Form method="post">
                <input type="hidden" name="intent" value="accept" />
                <SubmitButton>{t("store.invitation.accept")}</SubmitButton>
              </Form>
            ) : signedInAs ? (
              <BlockStack gap="300">
                <Banner tone="warning">
                  <p>{t("store.invitation.otherLogin", { email: invitation.email, current: signedInAs })}</p>
                </Banner>
                <Form method="post" action="/logout">
                  <Button submit>{t("common.logOut")}</Button>
                </Form>
              </BlockStack>
            ) : (
              <BlockStack gap="300">
                <Text as="p">{t("store.invitation.logInFirst", { email: invitation.email })}</Text>
                <div>
                  <Button variant="primary" url={`/login?redirectTo=${encodeURIComponent(path)}`}>
                    {t("auth.login.link")}
                  </Button>
                </div>
              </BlockStack>
            )
          ) : (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="create" />
              <FormLayout>
                <FormLayout.Group>
                  <FormTextField label={t("auth.firstName")} name="firstName" autoComplete="given-name" defaultValue={values.firstName ?? invitation.firstName} error={error("firstName")} />
                  <FormTextField label={t("auth.lastName")} name="lastName" autoComplete="family-name" defaultValue={values.lastName ?? invitation.lastName} error={error("lastName")} />
                </FormLayout.Group>
                <FormTextField label={t("auth.email")} name="emailShown" type="email" defaultValue={invitation.email} disabled autoComplete="username" />
                <FormTextField
                  label={t("auth.password")}
                  name="password"
                  type="password"
                  autoComplete="new-password"
                  error={error("password")}
                  helpText={t("auth.passwordHelp", { min: PASSWORD_MIN })}
                />
                <SubmitButton>{t("store.invitation.create")}</SubmitButton>
              </FormLayout>
            </Form>
          )}
        </BlockStack>
      </Card>
    </AuthLayout>
  );
}
