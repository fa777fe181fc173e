import { baseURL } from "@/playwright.config";
import { withDatabase } from "./database";

/**
 * A signing-form stamp handed out by the server just now for the document at `documentPath`
 * ("/petitions/x"): what a form first used a moment ago would carry, without the wait.
 */
export async function freshFormStamp(documentPath: string): Promise<string> {
  const response = await fetch(`${baseURL}/api${documentPath.replace(/^\/ru/, "")}/stamp`, { cache: "no-store" });
  if (!response.ok) throw new Error(`No stamp for ${documentPath}: ${response.status}`);
  return ((await response.json()) as { stamp: string }).stamp;
}

/** Moves a stamp's issue time back, as if the form had been opened `ms` earlier (no test waits an hour). */
export function ageFormStamp(stamp: string, ms: number): void {
  withDatabase((db) => db.prepare("update form_stamps set issued_at = issued_at - ? where id = ?").run(ms, stamp));
}
