import { readFileSync } from "node:fs";
import path from "node:path";

type Manifest = { node?: Record<string, { workers?: Record<string, unknown> }> };

type Segment = { kind: 0 | 1 | 2 | 3; text: string }; // static, dynamic, catch-all, optional catch-all
type Route = { name: string; segments: Segment[] };

/** Which app route answers which address, and which routes own each server action. */
export type ActionOwners = { routes: Route[]; owners: Map<string, Set<string>> };

/** "app/(admin)/admin/[id]/page" or "/(admin)/admin/[id]/page" → "/(admin)/admin/[id]/page". */
const routeName = (name: string) => `/${name.replace(/^\/?app\//, "").replace(/^\//, "")}`;

function parseRoute(name: string): Route {
  const segments = name
    .replace(/\/(page|route)$/, "")
    .split("/")
    .filter((segment) => segment && !/^\(.*\)$/.test(segment) && !segment.startsWith("@"))
    .map((text): Segment => {
      if (/^\[\[\.\.\..+\]\]$/.test(text)) return { kind: 3, text };
      if (/^\[\.\.\..+\]$/.test(text)) return { kind: 2, text };
      if (/^\[.+\]$/.test(text)) return { kind: 1, text };
      return { kind: 0, text };
    });
  return { name, segments };
}

/** The kinds of segment a route used to match the address, or null if it does not match. */
function matchRoute(route: Route, parts: string[]): number[] | null {
  const kinds: number[] = [];
  for (let index = 0; index < route.segments.length; index++) {
    const segment = route.segments[index];
    if (segment.kind >= 2) {
      if (segment.kind === 2 && parts.length <= index) return null;
      kinds.push(segment.kind);
      return kinds;
    }
    if (index >= parts.length) return null;
    if (segment.kind === 0 && segment.text !== parts[index]) return null;
    kinds.push(segment.kind);
  }
  return parts.length === route.segments.length ? kinds : null;
}

/** Next's order: at the first segment where they differ, a static segment beats a dynamic one beats a catch-all. */
function moreSpecific(a: number[], b: number[]): boolean {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    if (a[index] !== b[index]) return a[index] < b[index];
  }
  return a.length > b.length;
}

/** The app route (by name) that answers an address, as Next would pick it. */
export function resolveRoute(owners: ActionOwners, address: string): string | null {
  const parts = address.split("/").filter(Boolean);
  let best: { name: string; kinds: number[] } | null = null;
  for (const route of owners.routes) {
    const kinds = matchRoute(route, parts);
    if (kinds && (!best || moreSpecific(kinds, best.kinds))) best = { name: route.name, kinds };
  }
  return best?.name ?? null;
}

/** From the build's server-reference manifest (owners) and app-paths manifest (every app route). */
export function actionOwnersFrom(manifest: Manifest, appPaths: string[]): ActionOwners {
  const owners = new Map<string, Set<string>>();
  for (const [id, entry] of Object.entries(manifest.node ?? {})) {
    owners.set(id, new Set(Object.keys(entry.workers ?? {}).map(routeName)));
  }
  return { routes: appPaths.map(routeName).map(parseRoute), owners };
}

let loaded: ActionOwners | null | undefined;

/**
 * The production build's action owners, read once; null in development (the manifests change as pages
 * compile) or without a build, and then nothing is checked here.
 */
export function buildActionOwners(): ActionOwners | null {
  if (loaded !== undefined) return loaded;
  if (process.env.NODE_ENV !== "production") return (loaded = null);
  try {
    const dir = path.join(process.cwd(), ".next", "server");
    const read = (file: string) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as unknown;
    const appPaths = Object.keys(read("app-paths-manifest.json") as Record<string, string>);
    loaded = actionOwnersFrom(read("server-reference-manifest.json") as Manifest, appPaths);
  } catch {
    loaded = null;
  }
  return loaded;
}

export type Ownership = "owned" | "unknown" | "elsewhere";

/**
 * Whether the page at `address` (its internal address, after the language rewrite) owns action `id`. Next
 * answers an unknown id with a 409 and a logged error, and forwards another page's action to that page,
 * answering 200 `{}` and, when the client has gone, logging an uncaught ECONNRESET.
 */
export function actionOwnership(owners: ActionOwners, id: string, address: string): Ownership {
  const pages = owners.owners.get(id);
  if (!pages) return "unknown";
  const route = resolveRoute(owners, address);
  return route !== null && pages.has(route) ? "owned" : "elsewhere";
}
