ALTER TABLE "documents" ADD COLUMN "embed_origins" text;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "source" text;