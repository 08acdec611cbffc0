// The link of an email-change mail, opened from the new address. GET shows what will change and a
// button; only the POST applies it (mail scanners open links too).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { BlockStack, Button, Card, Text } from "@shopify/polaris";
import { z } from "zod";
import { readForm } from "~/lib/http.server";
import { invalidSubmission, respond } from "~/lib/respond.server";
import { getSessionUser, requestMeta } from "~/services/guards.server";
import { setFlash } from "~/services/sessions.server";
import { confirmEmailChange, getEmailChange } from "~/services/account.server";
import { parseSubmission } from "~/domain/forms";
import { AuthLayout } from "~/components/AuthLayout";
import { FormErrors, SubmitButton, getFormProps, useAppForm } from "~/components/forms";
import { message } from "~/i18n/messages";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Confirm your new email · Portier" }, { name: "referrer", content: "no-referrer" }];

export const schema = z.object({});

export async function loader(args: LoaderFunctionArgs) {
  return getEmailChange(args.params.token);
}

export async function action(args: ActionFunctionArgs) {
  const submission = parseSubmission(await readForm(args.request), schema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const result = await confirmEmailChange(args.params.token, requestMeta(args).ip);
  const session = await getSessionUser(args);
  // Signed in as the person whose email changed: back to their settings, with a toast; otherwise to sign-in.
  return respond(result, {
    submission,
    flash: session ? (toast) => setFlash(session.sessionId, toast) : undefined,
    done: ({ userId, newEmail }) =>
      session?.user.id === userId ? { redirect: "/account/settings", toast: message("account.email.done", { email: newEmail }) } : { redirect: "/login?email=changed" },
  });
}

export default function ConfirmEmail() {
  const t = useT();
  const { state, newEmail, currentEmail } = useLoaderData<typeof loader>();
  const [form] = useAppForm(schema);
  if (state !== "valid" || !newEmail || !currentEmail) {
    const shown = state === "valid" ? "invalid" : state;
    return (
      <AuthLayout>
        <Card>
          <BlockStack gap="300">
            <Text as="h1" variant="headingLg">
              {t(`account.email.${shown}.title`)}
            </Text>
            <Text as="p">{t(`account.email.${shown}.body`)}</Text>
            <div>
              <Button url="/account/settings">{t("account.email.toSettings")}</Button>
            </div>
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
              {t("account.email.title")}
            </Text>
            <Text as="p">{t("account.email.intro", { email: newEmail, current: currentEmail })}</Text>
            <FormErrors errors={form.errors} />
            <div>
              <SubmitButton>{t("account.email.submit")}</SubmitButton>
            </div>
          </BlockStack>
        </Form>
      </Card>
    </AuthLayout>
  );
}
