import { eq } from "drizzle-orm";
import { getDb } from "@/db/index";
import { settings } from "@/db/schema";

export async function getSetting<T>(key: string): Promise<T | undefined> {
  return getDb().select().from(settings).where(eq(settings.key, key)).get()?.value as T | undefined;
}

export async function saveSetting(key: string, value: unknown) {
  getDb()
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } })
    .run();
}

export async function deleteSetting(key: string) {
  getDb().delete(settings).where(eq(settings.key, key)).run();
}
