// The toast after a successful action: the action redirects with `?toast=<key>` (and optional `name`);
// the page shows it and takes the parameter out of the address at once, so a reload does not repeat it.
import { useSearchParams } from "@remix-run/react";
import { Toast } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { useT } from "~/i18n/react";

export function toastUrl(path: string, key: string, name?: string): string {
  const [pathname, search = ""] = path.split("?");
  const params = new URLSearchParams(search);
  params.set("toast", key);
  if (name) params.set("name", name);
  else params.delete("name");
  return `${pathname}?${params.toString()}`;
}

export function PageToast() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const [shown, setShown] = useState<{ key: string; name: string } | null>(null);
  const key = params.get("toast");
  useEffect(() => {
    if (!key) return;
    if (/^[a-zA-Z]+$/.test(key)) setShown({ key, name: params.get("name") ?? "" });
    const next = new URLSearchParams(params);
    next.delete("toast");
    next.delete("name");
    setParams(next, { replace: true, preventScrollReset: true });
    // Only a new toast key matters; `params` changes with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (!shown) return null;
  return <Toast content={t(`store.toast.${shown.key}`, { name: shown.name })} onDismiss={() => setShown(null)} />;
}
