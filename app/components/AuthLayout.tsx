import { Form, useLocation } from "@remix-run/react";
import { BlockStack, Box, Button, InlineStack, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import { useLocale, useT } from "~/i18n/react";

export function AuthLayout({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <main className="portier-auth" id="main">
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="p" variant="headingLg">
            {t("app.name")}
          </Text>
          <LanguageSwitch />
        </InlineStack>
        {children}
      </BlockStack>
    </main>
  );
}

/** Posts the other language; works without JavaScript too. */
export function LanguageSwitch() {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const other = locale === "en" ? "fr" : "en";
  return (
    <Form method="post" action="/locale" reloadDocument>
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <Box>
        <Button submit variant="plain" accessibilityLabel={`${t(`common.language.${other}`)} (${t("common.switchLanguage")})`}>
          {t(`common.language.${other}`)}
        </Button>
      </Box>
    </Form>
  );
}
