import { and, asc, count, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { apiKeyMinutes, apiKeys, signatures, type ApiKey } from "@/db/schema";
import type { ApiScope } from "@/lib/vocabulary";

export type NewApiKey = {
  name: string;
  prefix: string;
  keyHash: string;
  scopes: ApiScope[];
  requestsPerMinute: number;
  createdBy: string;
};

export async function insertApiKey(key: NewApiKey): Promise<ApiKey> {
  const [created] = await getDb().insert(apiKeys).values(key).returning();
  return created;
}

/** The key with this hash, revoked or not (the caller tells the two apart). */
export async function findApiKeyByHash(keyHash: string): Promise<ApiKey | undefined> {
  const [key] = await getDb().select().from(apiKeys).where(eq(apiKeys.keyHash, keyHash));
  return key;
}

export async function listApiKeys() {
  return getDb()
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      requestsPerMinute: apiKeys.requestsPerMinute,
      createdBy: apiKeys.createdBy,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .orderBy(desc(apiKeys.id));
}

/** Revokes a key still in use; returns its name, or null when there is no such key or it was revoked already. */
export async function revokeApiKey(id: number, now = new Date()): Promise<string | null> {
  const [revoked] = await getDb()
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ name: apiKeys.name });
  return revoked?.name ?? null;
}

/** Notes a use; the condition makes a second instance's write within the same minute a no-op. */
export async function touchApiKey(id: number, now = new Date()): Promise<void> {
  await getDb()
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiKeys.id, id),
        sql`(${apiKeys.lastUsedAt} is null or ${apiKeys.lastUsedAt} < ${now.getTime() - 60_000})`,
      ),
    );
}

/**
 * Counts one request in the key's current minute and returns how many it has made in it, this one
 * included; the row is shared by every instance (one upsert, atomic on both databases).
 */
export async function countApiKeyRequest(keyId: number, now = Date.now()): Promise<number> {
  const minute = Math.floor(now / 60_000);
  const [row] = await getDb()
    .insert(apiKeyMinutes)
    .values({ keyId, minute, requests: 1 })
    .onConflictDoUpdate({
      target: [apiKeyMinutes.keyId, apiKeyMinutes.minute],
      set: { requests: sql`${apiKeyMinutes.requests} + 1` },
    })
    .returning({ requests: apiKeyMinutes.requests });
  return row.requests;
}

/** Forgets minutes older than an hour (the retention pass). */
export async function deleteOldApiKeyMinutes(now = Date.now()): Promise<number> {
  const deleted = await getDb()
    .delete(apiKeyMinutes)
    .where(lt(apiKeyMinutes.minute, Math.floor(now / 60_000) - 60))
    .returning({ keyId: apiKeyMinutes.keyId });
  return deleted.length;
}

/** One page of a document's confirmed signatures for partners: OSDI person fields and dates only. */
export async function listConfirmedSignaturesPage(documentId: number, page: number, perPage: number) {
  const where = and(eq(signatures.documentId, documentId), eq(signatures.state, "confirmed"));
  const [{ total }] = await getDb().select({ total: count() }).from(signatures).where(where);
  const rows = await getDb()
    .select({
      id: signatures.id,
      name: signatures.name,
      email: signatures.email,
      country: signatures.country,
      createdAt: signatures.createdAt,
      confirmedAt: signatures.confirmedAt,
      confirmedBy: signatures.confirmedBy,
    })
    .from(signatures)
    .where(where)
    .orderBy(asc(signatures.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  return { total, rows };
}
