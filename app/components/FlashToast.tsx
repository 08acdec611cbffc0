// The toast of the last action: the action left it in the session (app/lib/respond.server.ts), the root
// loader took it, and the frame shows it once. A reload or a shared link shows nothing more.
import { useRouteLoaderData } from "@remix-run/react";
import { Toast } from "@shopify/polaris";
import { useEffect, useRef, useState } from "react";
import { useT } from "~/i18n/react";

interface RootData {
  flash: { id: string; message: string } | null;
}

export function FlashToast() {
  const t = useT();
  const flash = (useRouteLoaderData("root") as RootData | undefined)?.flash ?? null;
  const [shown, setShown] = useState(flash);
  const anchor = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (flash) setShown(flash);
  }, [flash]);
  // Polaris 13 draws the toast's close button as an icon with no accessible name: give it one, in the
  // page's language (axe-core's button-name rule, WCAG 4.1.2).
  useEffect(() => {
    const page = anchor.current?.ownerDocument;
    if (!shown || !page) return;
    const name = () => page.querySelectorAll(".Polaris-Frame-Toast__CloseButton:not([aria-label])").forEach((button) => button.setAttribute("aria-label", t("common.close")));
    // The toast arrives through a portal, after this effect: name its button when it appears.
    const observer = new MutationObserver(name);
    observer.observe(page.body, { childList: true, subtree: true });
    name();
    return () => observer.disconnect();
  }, [shown, t]);
  if (!shown) return null;
  return (
    <>
      <span ref={anchor} hidden />
      <Toast key={shown.id} content={t.message(shown.message)} onDismiss={() => setShown(null)} />
    </>
  );
}
