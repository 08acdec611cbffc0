// The toast after a successful action: the action redirects with ?toast=<name>, this shows
// t("sections.toast.<name>") once and removes the parameter from the URL.
import { useSearchParams } from "@remix-run/react";
import { Toast } from "@shopify/polaris";
import { useT } from "~/i18n/react";

export function toastUrl(path: string, name: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}toast=${encodeURIComponent(name)}`;
}

export function FlashToast() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const name = params.get("toast");
  if (!name || !/^[A-Za-z]{1,40}$/.test(name)) return null;
  const key = `sections.toast.${name}`;
  const message = t(key);
  if (message === key) return null;
  const dismiss = () => {
    const next = new URLSearchParams(params);
    next.delete("toast");
    setParams(next, { replace: true, preventScrollReset: true });
  };
  return <Toast content={message} onDismiss={dismiss} />;
}
