import { useRouteError } from "@remix-run/react";
import { ErrorPage } from "./ErrorPage";

/** Exported as ErrorBoundary by pages inside a frame, so a 403 or 404 keeps the navigation around it. */
export function RouteErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
