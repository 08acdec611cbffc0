interface Window {
  /** Set by entry.client.tsx once the server-rendered page is hydrated. */
  __portierHydrated?: boolean;
}
