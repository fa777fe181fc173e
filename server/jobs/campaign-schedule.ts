import "server-only";
import { closeDueDocuments } from "@/db/queries/campaigns";
import { takeJobLease } from "@/db/queries/job-leases";
import { recordReachedMilestones } from "@/db/queries/milestones";
import { getConfig } from "@/lib/config";
import { organiserRecipients } from "@/server/admin/organiser-recipients";
import { announcePublicChangeFromJob } from "@/server/public/public-changes";
import { nudgeOutbox } from "./outbox-worker";
import { instanceId } from "./instance";

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

type WorkerState = { timer?: NodeJS.Timeout; running?: Promise<void> };
const state: WorkerState = ((globalThis as { __delegationCampaignJobs?: WorkerState }).__delegationCampaignJobs ??= {});

const leaseMs = (everyMs: number) => Math.max(5 * everyMs, 60_000);

/** One pass by the instance holding the lease; a pass still running here is not started twice. */
function runCampaignPass(everyMs = getConfig().CAMPAIGN_JOBS_EVERY_MS): Promise<void> {
  state.running ??= takeJobLease("campaign-schedule", instanceId(), leaseMs(everyMs))
    .then(async (held) => {
      if (!held) return;
      const result = await runCampaignJobs();
      for (const slug of result.closed) console.log(`campaigns: closed ${slug} on its closing date`);
      for (const { slug, threshold } of result.milestones) console.log(`campaigns: ${slug} reached ${threshold}`);
    })
    .catch((error) => console.error("campaign pass failed:", error instanceof Error ? error.message : error))
    .finally(() => {
      state.running = undefined;
    });
  return state.running;
}

export function startCampaignJobs(everyMs = getConfig().CAMPAIGN_JOBS_EVERY_MS): void {
  if (state.timer) return;
  state.timer = setInterval(() => void runCampaignPass(everyMs), everyMs);
  state.timer.unref();
  void runCampaignPass(everyMs);
}

export async function stopCampaignJobs(): Promise<void> {
  clearInterval(state.timer);
  state.timer = undefined;
  await state.running;
}
