ALTER TABLE `dossiers` ADD `missing_glyphs` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `dossiers` ADD `missing_glyph_names` text DEFAULT '[]' NOT NULL;