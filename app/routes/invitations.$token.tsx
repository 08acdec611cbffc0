// A staff invitation link: a person without a login sets a password; a person with one accepts while
// signed in with the invited email. Single use, valid for 14 days.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, Text, TextField } from "@shopify/polaris";
import { z } from "zod";
import { readIntent } from "~/lib/intents.server";
import { respond } from "~/lib/respond.server";
import { getSessionUser, requestMeta, sessionCookie } from "~/services/guards.server";
import { PASSWORD_MIN } from "~/domain/auth";
import { acceptInvitationSchema } from "~/domain/staff";
import { acceptStaffInvitation, getStaffInvitation } from "~/services/staff.server";
import { AuthLayout } from "~/components/AuthLayout";
import { FormTextField, SubmitButton, getFormProps, useAppForm, useMessage } from "~/components/forms";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Staff invitation · Portier" }, { name: "referrer", content: "no-referrer" }];

/** `accept`: a person with a login, signed in with the invited email (no field); `create`: a new login. */
export const forms = { accept: z.object({}), create: acceptInvitationSchema };

export async function loader(args: LoaderFunctionArgs) {
  const token = args.params.token ?? "";
  const [invitation, session] = await Promise.all([getStaffInvitation(token), getSessionUser(args)]);
  const path = `/invitations/${encodeURIComponent(token)}`;
  if (invitation.state !== "valid") return { state: invitation.state, invitation: null, signedInAs: session?.user.email ?? null, path };
  return {
    state: invitation.state,
    path,
    invitation: { email: invitation.email, firstName: invitation.firstName, lastName: invitation.lastName, storeName: invitation.store.name, hasLogin: invitation.hasLogin },
    signedInAs: session?.user.email ?? null,
  };
}

export async function action(args: ActionFunctionArgs) {
  const token = args.params.token ?? "";
  const input = await readIntent(args.request, forms);
  if ("response" in input) return input.response;
  const meta = requestMeta(args);
  const joined = ({ storeId, session }: { storeId: string; session?: { token: string; expiresAt: Date } }) => ({
    redirect: `/store/${storeId}`,
    headers: session ? { "Set-Cookie": sessionCookie(session.token, session.expiresAt) } : undefined,
  });
  if (input.intent === "accept") {
    const session = await getSessionUser(args);
    if (!session) return redirect(`/login?redirectTo=${encodeURIComponent(`/invitations/${token}`)}`);
    const result = await acceptStaffInvitation(token, { kind: "existing", user: session.user }, meta);
    return respond(result, { submission: input.submission, done: joined });
  }
  const result = await acceptStaffInvitation(token, { kind: "new", ...input.value }, meta);
  return respond(result, { submission: input.submission, done: joined });
}

export default function Invitation() {
  const t = useT();
  const { state, invitation, signedInAs, path } = useLoaderData<typeof loader>();
  const text = useMessage();
  const [form, fields] = useAppForm(forms.create, { intent: "create" });
  const [acceptForm] = useAppForm(forms.accept, { intent: "accept" });
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
  const formError = text(form.errors) ?? text(acceptForm.errors);
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
              <Form method="post" {...getFormProps(acceptForm)}>
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
            <Form method="post" {...getFormProps(form)}>
              <input type="hidden" name="intent" value="create" />
              <FormLayout>
                <FormLayout.Group>
                  <FormTextField label={t("auth.firstName")} field={fields.firstName} autoComplete="given-name" defaultValue={invitation.firstName} />
                  <FormTextField label={t("auth.lastName")} field={fields.lastName} autoComplete="family-name" defaultValue={invitation.lastName} />
                </FormLayout.Group>
                <TextField label={t("auth.email")} type="email" value={invitation.email} disabled autoComplete="username" />
                <FormTextField label={t("auth.password")} field={fields.password} type="password" autoComplete="new-password" helpText={t("auth.passwordHelp", { min: PASSWORD_MIN })} />
                <SubmitButton>{t("store.invitation.create")}</SubmitButton>
              </FormLayout>
            </Form>
          )}
        </BlockStack>
      </Card>
    </AuthLayout>
  );
}
