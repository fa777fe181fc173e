-- Audit entries are kept for 365 days (AUDIT_RETENTION_DAYS in db/queries/audit.ts, stated on the privacy
-- page). Still append-only: no entry can be changed, and none younger than that can be deleted; the
-- retention job deletes the older ones.
DROP TRIGGER `audit_log_no_delete`;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
WHEN old.`at` > (unixepoch('now') - 365 * 86400) * 1000
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: entries are deleted only after 365 days');
END;
