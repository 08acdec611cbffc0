import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
// From now on an error page is rendered here, for a request whose id this page does not know
// (components/ErrorPage.tsx shows a reference only for the page the server rendered).
window.__portierHydrated = true;
