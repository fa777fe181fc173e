import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { getDb } from "@/db/index";
import { auditLog } from "@/db/schema";

export type AuditRecord = {
  actor: string;
  action: string;
  targetType?: string;
  targetId?: string | number;
  details?: Record<string, unknown>;
};

export async function recordAudit(entry: AuditRecord): Promise<void> {
  await getDb()
    .insert(auditLog)
    .values({ ...entry, targetId: entry.targetId === undefined ? undefined : String(entry.targetId) });
}

export type AuditFilter = { action?: string; actor?: string; targetType?: string; targetId?: string; before?: number };

/** Newest first, keyset-paginated on id. */
export async function listAuditEntries(filter: AuditFilter = {}, limit = 100) {
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actor) conditions.push(eq(auditLog.actor, filter.actor));
  if (filter.targetType) conditions.push(eq(auditLog.targetType, filter.targetType));
  if (filter.targetId) conditions.push(eq(auditLog.targetId, filter.targetId));
  if (filter.before) conditions.push(lt(auditLog.id, filter.before));
  return getDb()
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

/** How long audit entries are kept. The migration's trigger (0005) refuses to delete younger ones. */
export const AUDIT_RETENTION_DAYS = 365;

/** Deletes the audit entries older than AUDIT_RETENTION_DAYS; returns how many. */
export async function deleteExpiredAuditEntries(now = Date.now()): Promise<number> {
  // A day's margin over the trigger's own clock, so a pass never trips it at the boundary.
  const before = new Date(now - (AUDIT_RETENTION_DAYS + 1) * 86_400_000);
  const deleted = await getDb().delete(auditLog).where(lt(auditLog.at, before)).returning({ id: auditLog.id });
  return deleted.length;
}
