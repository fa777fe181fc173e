import "server-only";
import { closeDueDocuments } from "@/db/queries/campaigns";
import { takeJobLease } from "@/db/queries/job-leases";
import { recordReachedMilestones } from "@/db/queries/milestones";
import { getConfig } from "@/lib/config";
import { organiserRecipients } from "@/server/admin/organiser-recipients";
import { announcePublicChangeFromJob } from "@/server/public/public-changes";
import { nudgeOutbox } from "./outbox-worker";
import { instanceId } from "./instance";
import { pollingWorker } from "./polling-worker";

export type CampaignPassResult = { closed: string[]; milestones: { slug: string; threshold: number }[] };

/**
 * Closes the campaigns whose closing date has come and records the milestones reached since the last pass
 * (emailing organisers). Both are safe with several callers: each close and each milestone happens once.
 */
export async function runCampaignJobs(now = new Date()): Promise<CampaignPassResult> {
  const closed = await closeDueDocuments(now);
  const milestones = await recordReachedMilestones(await organiserRecipients(), now);
  // New milestones show on the public page too.
  if (closed.length > 0 || milestones.length > 0) await announcePublicChangeFromJob();
  if (milestones.length > 0) nudgeOutbox();
  return { closed: closed.map((document) => document.slug), milestones };
}

const leaseMs = (everyMs: number) => Math.max(5 * everyMs, 60_000);

// Each pass by the instance holding the lease; a pass still running here is not started twice.
const worker = pollingWorker({
  slot: "__delegationCampaignJobs",
  name: "campaign",
  everyMs: () => getConfig().CAMPAIGN_JOBS_EVERY_MS,
  pass: async (everyMs) => {
    if (!(await takeJobLease("campaign-schedule", instanceId(), leaseMs(everyMs)))) return;
    const result = await runCampaignJobs();
    for (const slug of result.closed) console.log(`campaigns: closed ${slug} on its closing date`);
    for (const { slug, threshold } of result.milestones) console.log(`campaigns: ${slug} reached ${threshold}`);
  },
});

export function startCampaignJobs(everyMs?: number): void {
  worker.start(everyMs);
}

export function stopCampaignJobs(): Promise<void> {
  return worker.stop();
}
