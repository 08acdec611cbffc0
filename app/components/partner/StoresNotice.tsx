// What a row action was refused for, above the list: the owner decided a moment earlier (info: it is
// news, not a mistake), or the access changed meanwhile (critical). The refusal comes from the page's
// action (the buttons that post at once) or from a confirmation dialog, which hands it over.
import { useActionData, useLocation } from "@remix-run/react";
import { Banner } from "@shopify/polaris";
import { useCallback, useEffect, useState } from "react";
import type { SubmissionResult } from "~/domain/forms";
import { decodeMessage } from "~/i18n/messages";
import { useT } from "~/i18n/react";

/** The first message of a refused answer (the form's own, or a field's). */
function messageOf(answer: SubmissionResult<string[]> | undefined): string | null {
  if (answer?.status !== "error") return null;
  return Object.values(answer.error ?? {}).flatMap((messages) => messages ?? [])[0] ?? null;
}

export function useStoresNotice() {
  const answer = useActionData() as SubmissionResult<string[]> | undefined;
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>(null);
  // Each page (every action that succeeds redirects) starts with the answer it was given, if any.
  useEffect(() => setNotice(messageOf(answer)), [answer, location.key]);
  const show = useCallback((refused: SubmissionResult<string[]>) => setNotice(messageOf(refused)), []);
  const dismiss = useCallback(() => setNotice(null), []);
  return { notice, show, dismiss };
}

export function StoresNotice({ notice, onDismiss }: { notice: string | null; onDismiss: () => void }) {
  const t = useT();
  if (!notice) return null;
  const outcome = decodeMessage(notice).key.startsWith("partner.stores.outcome.");
  return (
    <Banner tone={outcome ? "info" : "critical"} onDismiss={onDismiss}>
      <p role={outcome ? "status" : "alert"}>{t.message(notice)}</p>
    </Banner>
  );
}
