CREATE TABLE `document_faqs` (
	`document_id` integer NOT NULL,
	`locale` text NOT NULL,
	`items` text NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`document_id`, `locale`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `document_milestones` (
	`document_id` integer NOT NULL,
	`threshold` integer NOT NULL,
	`reached_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`document_id`, `threshold`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `document_responses` (
	`document_id` integer PRIMARY KEY NOT NULL,
	`responded_at` integer NOT NULL,
	`text` text NOT NULL,
	`source_url` text,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `document_slugs` (
	`slug` text PRIMARY KEY NOT NULL,
	`document_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_slugs_document` ON `document_slugs` (`document_id`);--> statement-breakpoint
CREATE TABLE `organisers` (
	`email` text PRIMARY KEY NOT NULL,
	`role` text NOT NULL,
	`invited_by` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`last_sign_in_at` integer
);
--> statement-breakpoint
ALTER TABLE `documents` ADD `closes_at` integer;--> statement-breakpoint
ALTER TABLE `documents` ADD `languages` text DEFAULT '["en","ru"]' NOT NULL;--> statement-breakpoint
ALTER TABLE `documents` ADD `outcome` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `embed_origins` text;--> statement-breakpoint
ALTER TABLE `signatures` ADD `source` text;--> statement-breakpoint
CREATE INDEX `signatures_document_state_country` ON `signatures` (`document_id`,`state`,`country`);--> statement-breakpoint
ALTER TABLE `dossiers` ADD `missing_glyphs` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `dossiers` ADD `missing_glyph_names` text DEFAULT '[]' NOT NULL;