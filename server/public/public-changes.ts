import "server-only";
import { getSetting, saveSetting } from "@/db/queries/settings";

// Each instance caches public pages in its own memory. An organiser's change clears the cache of the
// instance that made it at once; the others learn of it from this stamp in the shared database.
const SETTING = "public-pages-changed-at";
const WATCH_EVERY_MS = 1_000;

// On globalThis, where cache-handler.mjs reads `changedAt`: entries rendered before it are not served.
type WatcherState = { timer?: NodeJS.Timeout; seen?: number; changedAt?: number };
const state: WatcherState = ((globalThis as { __delegationPublicChanges?: WatcherState }).__delegationPublicChanges ??=
  {});

/** Tells every instance on the database that public content changed. */
export async function announcePublicChange(now = Date.now()): Promise<void> {
  state.seen = now;
  await saveSetting(SETTING, now);
}

/**
 * For changes made outside a request (a scheduled job): drops this instance's cached public pages at once
 * (revalidatePath needs a request) and tells the other instances.
 */
export async function announcePublicChangeFromJob(now = Date.now()): Promise<void> {
  state.changedAt = now;
  await announcePublicChange(now);
}

async function lastChange(): Promise<number> {
  const value = await getSetting<number>(SETTING);
  return typeof value === "number" ? value : 0;
}

/** Drops this instance's cached pages within a second of another instance's announcement. */
export async function startPublicChangeWatcher(): Promise<void> {
  if (state.timer) return;
  state.seen ??= await lastChange();
  state.timer = setInterval(() => {
    lastChange().then(
      (changed) => {
        if (changed <= (state.seen ?? 0)) return;
        state.seen = changed;
        state.changedAt = Date.now(); // this machine's clock, the one the cache's entries are stamped with
      },
      (error) => console.error("public change watch failed:", error instanceof Error ? error.message : error),
    );
  }, WATCH_EVERY_MS);
  state.timer.unref();
}
