// The toast after a successful action: the action redirects with `?toast=<key>` (and optional `name`),
// the page shows it once and removes the parameter.
import { useSearchParams } from "@remix-run/react";
import { Toast } from "@shopify/polaris";
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
  const key = params.get("toast");
  if (!key || !/^[a-zA-Z]+$/.test(key)) return null;
  const dismiss = () => {
    const next = new URLSearchParams(params);
    next.delete("toast");
    next.delete("name");
    setParams(next, { replace: true, preventScrollReset: true });
  };
  return <Toast content={t(`store.toast.${key}`, { name: params.get("name") ?? "" })} onDismiss={dismiss} />;
}
