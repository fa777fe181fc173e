-- The audit log is append-only, as on SQLite (db/migrations 0002 and 0007): no statement may change an
-- entry, empty the table, or delete an entry younger than 365 days (AUDIT_RETENTION_DAYS in
-- db/queries/audit.ts); the retention job deletes the older ones. `at` is in milliseconds since the epoch.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."at" > floor(extract(epoch from clock_timestamp()) * 1000) - 365::bigint * 86400 * 1000 THEN
      RAISE EXCEPTION 'audit_log is append-only: entries are deleted only after 365 days';
    END IF;
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE ON "audit_log"
FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_delete" BEFORE DELETE ON "audit_log"
FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
