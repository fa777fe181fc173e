CREATE TABLE `mail_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`purpose` text NOT NULL,
	`recipient_hash` text NOT NULL,
	`client_hash` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mail_ledger_recipient` ON `mail_ledger` (`purpose`,`recipient_hash`,`created_at`);--> statement-breakpoint
CREATE INDEX `mail_ledger_client` ON `mail_ledger` (`purpose`,`client_hash`,`created_at`);--> statement-breakpoint
CREATE INDEX `mail_ledger_created` ON `mail_ledger` (`created_at`);--> statement-breakpoint
DROP INDEX `outbox_due`;--> statement-breakpoint
ALTER TABLE `outbox` ADD `priority` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`priority`,`next_attempt_at`);