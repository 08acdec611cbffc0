import { Form } from "@remix-run/react";
import { Box, Button, Frame, InlineStack, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import { useT } from "~/i18n/react";
import { LanguageSwitch } from "./AuthLayout";
import { FlashToast } from "./FlashToast";

/** The frame of the pages outside any organization or store: choosing a workspace, creating one. */
export function AccountFrame({ name, children }: { name: string; children: ReactNode }) {
  const t = useT();
  return (
    <Frame>
      <FlashToast />
      <a className="portier-skip-link" href="#main">
        {t("common.skipToContent")}
      </a>
      <Box background="bg-surface" borderBlockEndWidth="025" borderColor="border" padding="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="p" variant="headingMd">
            {t("app.name")}
          </Text>
          <InlineStack gap="400" blockAlign="center">
            <Text as="span" tone="subdued">
              {name}
            </Text>
            <Button url="/account/settings" variant="plain">
              {t("account.settings.link")}
            </Button>
            <LanguageSwitch />
            <Form method="post" action="/logout">
              <Button submit variant="plain">
                {t("common.logOut")}
              </Button>
            </Form>
          </InlineStack>
        </InlineStack>
      </Box>
      <main id="main">{children}</main>
    </Frame>
  );
}
