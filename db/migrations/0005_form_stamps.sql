CREATE TABLE `form_stamps` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` integer NOT NULL,
	`issued_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `form_stamps_issued_at` ON `form_stamps` (`issued_at`);