ALTER TABLE "dossiers" ADD COLUMN "missing_glyphs" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "missing_glyph_names" jsonb DEFAULT '[]'::jsonb NOT NULL;