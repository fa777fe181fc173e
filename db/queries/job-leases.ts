import { eq, lt, or, sql } from "drizzle-orm";
import { jsonNumber } from "@/db/dialect";
import { getDb } from "@/db/index";
import { settings } from "@/db/schema";

type Lease = { holder: string; until: number };

const leaseKey = (job: string) => `job-lease:${job}`;

/**
 * Takes the lease on a periodic job for `ms` if nobody holds it (or its holder's lapsed), so that one
 * instance of several runs it. One statement: two instances asking together cannot both get it.
 */
export async function takeJobLease(job: string, holder: string, ms: number, now = Date.now()): Promise<boolean> {
  const value: Lease = { holder, until: now + ms };
  const taken = await getDb()
    .insert(settings)
    .values({ key: leaseKey(job), value })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value, updatedAt: new Date(now) },
      setWhere: or(lt(jsonNumber(settings.value, "until"), now), sql`${settings.value} ->> 'holder' = ${holder}`),
    })
    .returning({ key: settings.key });
  return taken.length > 0;
}

/** Gives the lease back at once (a stopping instance), if this holder still has it. */
export async function releaseJobLease(job: string, holder: string): Promise<void> {
  await getDb()
    .delete(settings)
    .where(sql`${eq(settings.key, leaseKey(job))} and ${settings.value} ->> 'holder' = ${holder}`);
}
