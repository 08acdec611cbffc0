import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { AppProvider } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import enPolaris from "@shopify/polaris/locales/en.json";
import frPolaris from "@shopify/polaris/locales/fr.json";
import { getSessionUser } from "~/services/guards.server";
import { takeFlash } from "~/services/sessions.server";
import { localeFor } from "~/lib/locale.server";
import { I18nProvider } from "~/i18n/react";
import { DEFAULT_LOCALE, type Locale } from "~/i18n";
import { LinkAdapter } from "~/components/LinkAdapter";
import { useNonce } from "~/components/nonce";
import { ErrorPage } from "~/components/ErrorPage";
import appStyles from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: polarisStyles },
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Portier" }];

export async function loader(args: LoaderFunctionArgs) {
  const session = await getSessionUser(args);
  // The toast an action left for this page: shown once, so it is taken as it is read.
  if (session?.flash) await takeFlash(session.sessionId, session.flash);
  return {
    locale: localeFor(args.request, session?.user.locale),
    user: session ? { firstName: session.user.firstName, lastName: session.user.lastName, email: session.user.email } : null,
    flash: session?.flash ?? null,
    requestId: args.context.requestId ?? null,
  };
}

const polarisLocales = { en: enPolaris, fr: frPolaris };

function Document({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nProvider locale={locale}>
          <AppProvider i18n={polarisLocales[locale]} linkComponent={LinkAdapter}>
            {children}
          </AppProvider>
        </I18nProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { locale } = useLoaderData<typeof loader>();
  return (
    <Document locale={locale}>
      <Outlet />
    </Document>
  );
}

export function ErrorBoundary() {
  const data = useRouteLoaderData<typeof loader>("root");
  const error = useRouteError();
  return (
    <Document locale={data?.locale ?? DEFAULT_LOCALE}>
      <main id="main">
        <ErrorPage error={error} />
      </main>
    </Document>
  );
}
