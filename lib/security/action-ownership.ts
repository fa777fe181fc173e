import { readFileSync } from "node:fs";
import path from "node:path";

type Manifest = { node?: Record<string, { workers?: Record<string, unknown> }> };
export type ActionOwners = Map<string, RegExp[]>;

/** "app/(admin)/admin/[id]/page" → the addresses that page answers, as a pattern over the request's path. */
function routePattern(worker: string): RegExp {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/\/?page$/, "")
    .split("/")
    .filter((segment) => segment && !/^\(.*\)$/.test(segment) && !segment.startsWith("@"));
  const source = segments
    .map((segment) => {
      if (/^\[\[\.\.\..+\]\]$/.test(segment)) return "(?:/.*)?";
      if (/^\[\.\.\..+\]$/.test(segment)) return "/.+";
      if (/^\[.+\]$/.test(segment)) return "/[^/]+";
      return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
    })
    .join("");
  return new RegExp(`^${source}/?$`);
}

/** Which pages own each server action, from the build's server-reference manifest. */
export function actionOwnersFrom(manifest: Manifest): ActionOwners {
  const owners: ActionOwners = new Map();
  for (const [id, entry] of Object.entries(manifest.node ?? {})) {
    owners.set(id, Object.keys(entry.workers ?? {}).map(routePattern));
  }
  return owners;
}

let loaded: ActionOwners | null | undefined;

/**
 * The production build's action owners, read once; null in development (the manifest changes as pages
 * compile) or without a build, and then nothing is checked here.
 */
export function buildActionOwners(): ActionOwners | null {
  if (loaded !== undefined) return loaded;
  if (process.env.NODE_ENV !== "production") return (loaded = null);
  try {
    const file = path.join(process.cwd(), ".next", "server", "server-reference-manifest.json");
    loaded = actionOwnersFrom(JSON.parse(readFileSync(file, "utf8")) as Manifest);
  } catch {
    loaded = null;
  }
  return loaded;
}

export type Ownership = "owned" | "unknown" | "elsewhere";

/**
 * Whether the page at `paths` (the address, and the internal one it is rewritten to) owns action `id`.
 * Next answers an unknown id with a 409 and a logged error, and forwards another page's action to that
 * page, answering 200 `{}` and, when the client has gone, logging an uncaught ECONNRESET.
 */
export function actionOwnership(owners: ActionOwners, id: string, paths: string[]): Ownership {
  const patterns = owners.get(id);
  if (!patterns) return "unknown";
  return patterns.some((pattern) => paths.some((candidate) => pattern.test(candidate))) ? "owned" : "elsewhere";
}
