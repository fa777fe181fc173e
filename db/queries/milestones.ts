import { and, asc, eq, gt, ne } from "drizzle-orm";
import { getDb, transaction } from "@/db/index";
import { documentMilestones, documents, documentTexts, outbox, outboxPriorities } from "@/db/schema";
import { milestoneThresholds } from "@/lib/format/milestones";
import type { DocumentKind } from "@/lib/vocabulary";

export const MILESTONE_TEMPLATE = "milestone-reached";
export type MilestonePayload = {
  documentId: number;
  documentTitle: string;
  kind: DocumentKind;
  slug: string;
  threshold: number;
  count: number;
  goal: number;
};

type Candidate = Omit<MilestonePayload, "threshold" | "documentId"> & { id: number };

/** Published documents with at least one confirmed signature, with their English title. */
async function listCandidates(): Promise<Candidate[]> {
  return getDb()
    .select({
      id: documents.id,
      slug: documents.slug,
      kind: documents.kind,
      goal: documents.goal,
      count: documents.signatureCount,
      documentTitle: documentTexts.title,
    })
    .from(documents)
    .innerJoin(
      documentTexts,
      and(
        eq(documentTexts.documentId, documents.id),
        eq(documentTexts.version, documents.currentVersion),
        eq(documentTexts.locale, "en"),
      ),
    )
    .where(and(ne(documents.status, "draft"), gt(documents.signatureCount, 0)));
}

async function recordedThresholds(documentId: number): Promise<Set<number>> {
  const rows = await getDb()
    .select({ threshold: documentMilestones.threshold })
    .from(documentMilestones)
    .where(eq(documentMilestones.documentId, documentId));
  return new Set(rows.map((row) => row.threshold));
}

export type ReachedMilestone = { documentId: number; slug: string; threshold: number };

/**
 * Records every milestone a document's count has passed and emails the organisers once per milestone.
 * The (document, threshold) key decides who records it: when two instances race, the insert of the second
 * does nothing, returns nothing, and so queues nothing; the emails are queued in the same transaction as
 * the row. Several milestones passed at once (a first run on an old campaign) make one email, for the
 * highest of them.
 */
export async function recordReachedMilestones(recipients: string[], now = new Date()): Promise<ReachedMilestone[]> {
  const reached: ReachedMilestone[] = [];
  for (const candidate of await listCandidates()) {
    const recorded = await recordedThresholds(candidate.id);
    const missing = milestoneThresholds(candidate.goal).filter(
      (threshold) => threshold <= candidate.count && !recorded.has(threshold),
    );
    if (missing.length === 0) continue;
    const fresh = await transaction(async (tx) => {
      const inserted = await tx
        .insert(documentMilestones)
        .values(missing.map((threshold) => ({ documentId: candidate.id, threshold, reachedAt: now })))
        .onConflictDoNothing()
        .returning({ threshold: documentMilestones.threshold });
      if (inserted.length === 0 || recipients.length === 0) return inserted;
      const threshold = Math.max(...inserted.map((row) => row.threshold));
      const { id, ...rest } = candidate;
      const payload: MilestonePayload = { ...rest, documentId: id, threshold };
      await tx
        .insert(outbox)
        .values(
          recipients.map((recipient) => ({
            template: MILESTONE_TEMPLATE,
            recipient,
            payload,
            priority: outboxPriorities.personal,
            dedupeKey: `milestone:${id}:${threshold}:${recipient}`,
          })),
        )
        .onConflictDoNothing();
      return inserted;
    });
    reached.push(...fresh.map(({ threshold }) => ({ documentId: candidate.id, slug: candidate.slug, threshold })));
  }
  return reached;
}

/** The milestones a document has reached, for its public page. */
export async function listReachedMilestones(documentId: number) {
  return getDb()
    .select({ threshold: documentMilestones.threshold, reachedAt: documentMilestones.reachedAt })
    .from(documentMilestones)
    .where(eq(documentMilestones.documentId, documentId))
    .orderBy(asc(documentMilestones.threshold));
}
