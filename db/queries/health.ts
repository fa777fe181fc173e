import { sql } from "drizzle-orm";
import { runStatement } from "@/db/dialect";
import { getDb } from "@/db/index";

/** Longer than any healthy answer, shorter than a load balancer's probe interval. */
const TIMEOUT_MS = 2_000;

/**
 * Whether the database answers a trivial query within the timeout (a readiness probe). A PostgreSQL server
 * that is down or out of connections leaves the query waiting; the probe answers "no" rather than wait too.
 */
export async function databaseAnswers(timeoutMs = TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([runStatement(getDb(), sql`select 1`).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
