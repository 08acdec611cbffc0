// Partners paste store addresses in every shape: full URLs, bare domains, admin paths, any letter case.

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** The store's host name, lower-case, or null when the text cannot be a store address. */
export function normalizeStoreDomain(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (!text || text.length > 300 || /\s/.test(text)) return null;
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
  text = text.split(/[/?#]/, 1)[0];
  text = text.replace(/^[^@]*@/, "");
  text = text.replace(/:\d{1,5}$/, "");
  text = text.replace(/\.$/, "");
  const labels = text.split(".");
  if (labels.length < 2 || text.length > 253 || !labels.every((label) => HOST_LABEL.test(label))) return null;
  return text;
}

/** Store domains are `<handle>.portier.test`. */
export const STORE_DOMAIN_SUFFIX = ".portier.test";
export const STORE_HANDLE = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export function domainForHandle(handle: string): string {
  return `${handle.trim().toLowerCase()}${STORE_DOMAIN_SUFFIX}`;
}
