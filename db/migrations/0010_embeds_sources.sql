ALTER TABLE `documents` ADD `embed_origins` text;--> statement-breakpoint
ALTER TABLE `signatures` ADD `source` text;