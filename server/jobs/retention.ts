import "server-only";
import { applyRetention, type RetentionPolicy, type RetentionResult } from "@/db/queries/self-service";
import { AUDIT_RETENTION_DAYS, deleteExpiredAuditEntries } from "@/db/queries/audit";
import { pruneMailbox } from "@/emails/transport/mailbox";
import { pruneMailLedger } from "@/db/queries/mail-ledger";
import { deleteOldApiKeyMinutes } from "@/db/queries/api-keys";
import { takeJobLease } from "@/db/queries/job-leases";
import { getConfig } from "@/lib/config";
import { instanceId } from "./instance";
import { pollingWorker } from "./polling-worker";

const HOUR = 3600_000;

/** The retention schedule in force, from the environment (see the privacy page, which shows it). */
export function retentionPolicy(): RetentionPolicy {
  const config = getConfig();
  return {
    unconfirmedDays: config.RETENTION_UNCONFIRMED_DAYS,
    closedDays: config.RETENTION_CLOSED_DAYS,
    sentEmailDays: config.RETENTION_EMAIL_DAYS,
  };
}

export type RetentionPassResult = RetentionResult & { mailboxDeleted: number; auditDeleted: number };

export function describeRetention(result: RetentionPassResult): string {
  return (
    `retention: deleted ${result.deleted} unconfirmed signature(s), anonymised ${result.anonymised} ` +
    `signature(s) of closed documents, deleted ${result.emailsDeleted} old email(s) and ` +
    `${result.mailboxDeleted} old local mailbox message(s), ${result.auditDeleted} audit entr(y/ies) past ` +
    `${AUDIT_RETENTION_DAYS} days`
  );
}

/**
 * The database's schedule, then the local mailbox's copies of sent emails, which follow the same one, then
 * audit entries past their fixed lifetime.
 */
export async function applyRetentionEverywhere(policy = retentionPolicy()): Promise<RetentionPassResult> {
  const result = await applyRetention(policy);
  const mailboxDeleted = await pruneMailbox(policy.sentEmailDays);
  // The mail ledger (hashes that count emails) is read one day back at most.
  await pruneMailLedger(new Date(Date.now() - 2 * 24 * HOUR));
  // API keys' per-minute counts are read for the current minute only.
  await deleteOldApiKeyMinutes();
  return { ...result, mailboxDeleted, auditDeleted: await deleteExpiredAuditEntries() };
}

// Longer than the schedule, so the instance that runs it keeps it; another takes over when it stops.
const LEASE_MS = 2 * HOUR;

const worker = pollingWorker({
  slot: "__delegationRetention",
  name: "retention",
  everyMs: () => HOUR,
  pass: async () => {
    // Only the instance holding the retention lease (every instance when the lease lapses).
    if (!(await takeJobLease("retention", instanceId(), LEASE_MS))) return;
    const result = await applyRetentionEverywhere();
    if (result.deleted + result.anonymised + result.emailsDeleted + result.mailboxDeleted + result.auditDeleted > 0)
      console.log(describeRetention(result));
  },
});

/**
 * One pass, unless one is still running here (a pass over a large closed document may take a while) or
 * another instance on the same database holds the retention lease.
 */
export function runRetentionPass(): Promise<void> {
  return worker.runPass();
}

/** Applies the retention schedule now and then every hour, without keeping the process alive. */
export function startRetentionWorker(everyMs = HOUR): void {
  worker.start(everyMs);
}

/** Stops the schedule; resolves when a pass still running here has finished. */
export function stopRetentionWorker(): Promise<void> {
  return worker.stop();
}
