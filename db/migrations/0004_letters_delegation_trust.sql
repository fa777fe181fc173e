CREATE TABLE `delegation_documents` (
	`delegation_id` integer NOT NULL,
	`document_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`delegation_id`, `document_id`),
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `delegation_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delegation_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`name` text NOT NULL,
	`texts` text NOT NULL,
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `delegation_members_delegation` ON `delegation_members` (`delegation_id`,`position`);--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delegation_id` integer NOT NULL,
	`delivered_on` text NOT NULL,
	`place` text NOT NULL,
	`recipient` text NOT NULL,
	`recorded_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `delivery_items` (
	`delivery_id` integer NOT NULL,
	`document_id` integer NOT NULL,
	`dossier_id` integer NOT NULL,
	`signature_count` integer NOT NULL,
	PRIMARY KEY(`delivery_id`, `document_id`),
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `dispatches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delegation_id` integer NOT NULL,
	`dated` text NOT NULL,
	`texts` text NOT NULL,
	`author` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `dispatches_delegation_dated` ON `dispatches` (`delegation_id`,`dated`);--> statement-breakpoint
CREATE TABLE `document_texts` (
	`document_id` integer NOT NULL,
	`version` integer NOT NULL,
	`locale` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`addressee` text NOT NULL,
	`authors` text DEFAULT '[]' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`document_id`, `version`, `locale`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `dossiers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`locale` text NOT NULL,
	`status` text DEFAULT 'generating' NOT NULL,
	`total` integer NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text,
	`bytes` integer,
	`pages` integer,
	`error` text,
	`requested_by` text,
	`frozen_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dossiers_document` ON `dossiers` (`document_id`,`id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer,
	`delegation_id` integer,
	`texts` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`recipients` integer DEFAULT 0 NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `delegations` ADD `texts` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
UPDATE `delegations` SET `texts` = json_object('en', json_object('title', `title`, 'summary', `summary`, 'body', `body`));--> statement-breakpoint
ALTER TABLE `delegations` DROP COLUMN `title`;--> statement-breakpoint
ALTER TABLE `delegations` DROP COLUMN `summary`;--> statement-breakpoint
ALTER TABLE `delegations` DROP COLUMN `body`;--> statement-breakpoint
INSERT INTO `document_texts` (`document_id`, `version`, `locale`, `title`, `summary`, `body`, `addressee`) SELECT `id`, 1, 'en', `title`, `summary`, `body`, `addressee` FROM `documents`;--> statement-breakpoint
ALTER TABLE `documents` ADD `current_version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `documents` ADD `closed_at` integer;--> statement-breakpoint
ALTER TABLE `documents` DROP COLUMN `title`;--> statement-breakpoint
ALTER TABLE `documents` DROP COLUMN `summary`;--> statement-breakpoint
ALTER TABLE `documents` DROP COLUMN `body`;--> statement-breakpoint
ALTER TABLE `documents` DROP COLUMN `addressee`;--> statement-breakpoint
ALTER TABLE `outbox` ADD `update_id` integer REFERENCES updates(id);--> statement-breakpoint
ALTER TABLE `outbox` ADD `dedupe_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe_key_unique` ON `outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `outbox_update` ON `outbox` (`update_id`,`status`);--> statement-breakpoint
ALTER TABLE `signatures` ADD `organisation` text;--> statement-breakpoint
ALTER TABLE `signatures` ADD `role` text;--> statement-breakpoint
ALTER TABLE `signatures` ADD `locale` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `signatures` ADD `document_version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `signatures` ADD `review_reason` text;--> statement-breakpoint
ALTER TABLE `signatures` ADD `ip_hash` text;--> statement-breakpoint
ALTER TABLE `signatures` ADD `anonymised_at` integer;--> statement-breakpoint
CREATE INDEX `signatures_document_ip` ON `signatures` (`document_id`,`ip_hash`,`created_at`);