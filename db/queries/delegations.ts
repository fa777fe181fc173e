import { eq } from "drizzle-orm";
import { getDb } from "../index";
import { delegations } from "../schema";

export async function getDelegationBySlug(slug: string) {
  return getDb().select().from(delegations).where(eq(delegations.slug, slug)).get();
}
