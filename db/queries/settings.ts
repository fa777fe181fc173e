import { eq } from "drizzle-orm";
import { getDb } from "@/db/index";
import { settings } from "@/db/schema";

export async function getSetting<T>(key: string): Promise<T | undefined> {
  const [setting] = await getDb().select().from(settings).where(eq(settings.key, key));
  return setting?.value as T | undefined;
}

export async function saveSetting(key: string, value: unknown) {
  await getDb()
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}

export async function deleteSetting(key: string) {
  await getDb().delete(settings).where(eq(settings.key, key));
}
