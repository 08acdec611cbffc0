// The toast of the last action: the action left it in the session (app/lib/respond.server.ts), the root
// loader took it, and the frame shows it once. A reload or a shared link shows nothing more.
import { useRouteLoaderData } from "@remix-run/react";
import { Toast } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { useT } from "~/i18n/react";

interface RootData {
  flash: { id: string; message: string } | null;
}

export function FlashToast() {
  const t = useT();
  const flash = (useRouteLoaderData("root") as RootData | undefined)?.flash ?? null;
  const [shown, setShown] = useState(flash);
  useEffect(() => {
    if (flash) setShown(flash);
  }, [flash]);
  if (!shown) return null;
  return <Toast key={shown.id} content={t.message(shown.message)} onDismiss={() => setShown(null)} />;
}
