// Which route answered a URL, for the request log: the log names routes, never URLs (an invitation's
// address carries its token). Built once per build from its route manifest.
import { matchRoutes } from "@remix-run/react";

interface ManifestRoute {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
}

interface Tree {
  id: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  children?: Tree[];
}

function tree(manifest: Record<string, ManifestRoute>, parentId?: string): Tree[] {
  return Object.values(manifest)
    .filter((route) => route.parentId === parentId)
    .map((route) => {
      const children = tree(manifest, route.id);
      return { id: route.id, path: route.path, index: route.index, caseSensitive: route.caseSensitive, ...(children.length && !route.index ? { children } : {}) } as Tree;
    });
}

const trees = new WeakMap<object, Tree[]>();

/** The id of the deepest route matching `pathname` (`.data` requests name the page they load). */
export function routeIdFor(manifest: Record<string, ManifestRoute>, pathname: string): string {
  // Remix's route discovery asks for the manifest of the links a page shows.
  if (pathname === "/__manifest") return "remix:manifest";
  let routes = trees.get(manifest);
  if (!routes) trees.set(manifest, (routes = tree(manifest)));
  const page = pathname === "/_root.data" ? "/" : pathname.replace(/\.data$/, "");
  const matches = matchRoutes(routes as Parameters<typeof matchRoutes>[0], page);
  return (matches?.at(-1)?.route as Tree | undefined)?.id ?? "unmatched";
}
