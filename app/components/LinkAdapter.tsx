import { Link } from "@remix-run/react";
import type { LinkLikeComponentProps } from "@shopify/polaris/build/ts/src/utilities/link";

// Polaris renders its links through this, so navigation stays client-side.
export function LinkAdapter({ url, external, children, ...rest }: LinkLikeComponentProps) {
  if (external || /^https?:\/\//.test(url)) {
    return (
      <a href={url} {...rest} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    );
  }
  return (
    <Link to={url} {...(rest as object)}>
      {children}
    </Link>
  );
}
