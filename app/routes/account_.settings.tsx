// Account settings: name and language, password, email. Each form its own intent (readIntent).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Banner, Card, FormLayout, Layout, Page, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { readIntent } from "~/lib/intents.server";
import { localeCookie } from "~/lib/locale.server";
import { respond } from "~/lib/respond.server";
import { requireUser } from "~/services/guards.server";
import { changePassword, getAccountSettings, requestEmailChange, updateProfile } from "~/services/account.server";
import { PASSWORD_MIN } from "~/domain/auth";
import { changeEmailSchema, changePasswordSchema, profileSchema } from "~/domain/account";
import { AccountFrame } from "~/components/AccountFrame";
import { FormErrors, FormTextField, SubmitButton, getFormProps, useAppForm, useMessage } from "~/components/forms";
import { LOCALES } from "~/i18n";
import { message } from "~/i18n/messages";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Account settings · Portier" }];

export const forms = { profile: profileSchema, password: changePasswordSchema, email: changeEmailSchema };

const HERE = "/account/settings";

export async function loader(args: LoaderFunctionArgs) {
  const { session } = await requireUser(args);
  return getAccountSettings(session.user.id);
}

export async function action(args: ActionFunctionArgs) {
  const { session, ip, flash } = await requireUser(args);
  const input = await readIntent(args.request, forms);
  if ("response" in input) return input.response;
  const { submission } = input;
  switch (input.intent) {
    case "profile":
      return respond(await updateProfile(session.user, input.value, ip), {
        submission,
        flash,
        done: ({ locale }) => ({ redirect: HERE, toast: message("account.settings.profile.saved"), headers: { "Set-Cookie": localeCookie(locale) } }),
      });
    case "password":
      return respond(await changePassword(session.user, session.sessionId, input.value, ip), {
        submission,
        flash,
        done: () => ({ redirect: HERE, toast: message("account.settings.password.changed") }),
      });
    case "email":
      return respond(await requestEmailChange(session.user, input.value, ip), {
        submission,
        flash,
        done: ({ newEmail }) => ({ redirect: HERE, toast: message("account.settings.email.sent", { email: newEmail }) }),
      });
  }
}

export default function AccountSettings() {
  const t = useT();
  const text = useMessage();
  const settings = useLoaderData<typeof loader>();
  const [profile, profileFields] = useAppForm(forms.profile, { intent: "profile" });
  const [password, passwordFields] = useAppForm(forms.password, { intent: "password" });
  const [email, emailFields] = useAppForm(forms.email, { intent: "email" });
  const [locale, setLocale] = useState<string>(settings.locale ?? "en");
  return (
    <AccountFrame name={`${settings.firstName} ${settings.lastName}`}>
      <Page title={t("account.settings.title")} subtitle={t("account.settings.subtitle")} backAction={{ content: t("account.settings.back"), url: "/account" }}>
        <Layout>
          <Layout.AnnotatedSection title={t("account.settings.profile.title")}>
            <Card>
              <Form method="post" {...getFormProps(profile)}>
                <input type="hidden" name="intent" value="profile" />
                <FormLayout>
                  <FormErrors errors={profile.errors} />
                  <FormLayout.Group>
                    <FormTextField label={t("auth.firstName")} field={profileFields.firstName} autoComplete="given-name" defaultValue={settings.firstName} />
                    <FormTextField label={t("auth.lastName")} field={profileFields.lastName} autoComplete="family-name" defaultValue={settings.lastName} />
                  </FormLayout.Group>
                  <Select
                    label={t("account.settings.locale")}
                    id={profileFields.locale.id}
                    name={profileFields.locale.name}
                    options={LOCALES.map((value) => ({ label: t(`account.settings.locale.${value}`), value }))}
                    value={locale}
                    onChange={setLocale}
                    error={text(profileFields.locale.errors)}
                  />
                  <SubmitButton intent="profile">{t("account.settings.profile.submit")}</SubmitButton>
                </FormLayout>
              </Form>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title={t("account.settings.email.title")} description={t("account.settings.email.intro")}>
            <Card>
              <Form method="post" {...getFormProps(email)}>
                <input type="hidden" name="intent" value="email" />
                <FormLayout>
                  <Text as="p">{t("account.settings.email.current", { email: settings.email })}</Text>
                  {settings.pendingEmail && (
                    <Banner tone="info">
                      <p>{t("account.settings.email.pending", { email: settings.pendingEmail })}</p>
                    </Banner>
                  )}
                  <FormErrors errors={email.errors} />
                  <FormTextField label={t("account.settings.email.new")} field={emailFields.newEmail} type="email" autoComplete="email" />
                  <FormTextField label={t("account.password.current")} field={emailFields.currentPassword} type="password" autoComplete="current-password" />
                  <SubmitButton intent="email">{t("account.settings.email.submit")}</SubmitButton>
                </FormLayout>
              </Form>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title={t("account.settings.password.title")} description={t("account.settings.password.intro")}>
            <Card>
              <Form method="post" {...getFormProps(password)}>
                <input type="hidden" name="intent" value="password" />
                <FormLayout>
                  <FormErrors errors={password.errors} />
                  <input type="text" name="username" value={settings.email} autoComplete="username" readOnly hidden />
                  <FormTextField label={t("account.password.current")} field={passwordFields.currentPassword} type="password" autoComplete="current-password" />
                  <FormTextField label={t("account.password.new")} field={passwordFields.newPassword} type="password" autoComplete="new-password" helpText={t("auth.passwordHelp", { min: PASSWORD_MIN })} />
                  <FormTextField label={t("account.password.confirm")} field={passwordFields.confirmPassword} type="password" autoComplete="new-password" />
                  <SubmitButton intent="password">{t("account.settings.password.submit")}</SubmitButton>
                  <Text as="p" tone="subdued">
                    <Link to="/account">{t("account.settings.back")}</Link>
                  </Text>
                </FormLayout>
              </Form>
            </Card>
          </Layout.AnnotatedSection>
        </Layout>
      </Page>
    </AccountFrame>
  );
}
