import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Card, EmptyState, InlineStack, Page, Text } from "@shopify/polaris";
import { isProduction } from "~/lib/env.server";
import { notFound } from "~/lib/http.server";
import { listMailbox } from "~/services/outbox.server";
import { formatDate } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Mailbox · Portier (development)" }];

/** Development only: the outbox, so that mails can be read without an SMTP server. */
export async function loader(_args: LoaderFunctionArgs) {
  if (isProduction()) notFound();
  const mails = await listMailbox(100);
  return { mails: mails.map((m) => ({ id: m.id, to: m.to, subject: m.subject, text: m.text, createdAt: m.createdAt.toISOString(), sent: Boolean(m.sentAt) })) };
}

export default function Mailbox() {
  const t = useT();
  const locale = useLocale();
  const { mails } = useLoaderData<typeof loader>();
  return (
    <Page title={t("mailbox.title")} subtitle={t("mailbox.subtitle")}>
      <BlockStack gap="400">
        {mails.length === 0 && (
          <Card>
            <EmptyState heading={t("mailbox.empty.title")} image="/empty-state.svg">
              <p>{t("mailbox.empty.body")}</p>
            </EmptyState>
          </Card>
        )}
        {mails.map((mail) => (
          <Card key={mail.id}>
            <BlockStack gap="200">
              <InlineStack align="space-between">
                <Text as="h2" variant="headingMd">
                  {mail.subject}
                </Text>
                <Badge tone={mail.sent ? "success" : undefined}>{mail.sent ? t("mailbox.sent") : t("mailbox.queued")}</Badge>
              </InlineStack>
              <Text as="p" tone="subdued">
                {t("mailbox.to", { to: mail.to })} · {formatDate(locale, mail.createdAt, true)}
              </Text>
              <pre style={{ whiteSpace: "pre-wrap", fontFamily: "inherit", margin: 0 }}>{mail.text}</pre>
            </BlockStack>
          </Card>
        ))}
      </BlockStack>
    </Page>
  );
}
