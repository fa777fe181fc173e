CREATE TABLE "document_faqs" (
	"document_id" integer NOT NULL,
	"locale" text NOT NULL,
	"items" jsonb NOT NULL,
	"updated_at" bigint DEFAULT (floor(extract(epoch from clock_timestamp()) * 1000))::bigint NOT NULL,
	CONSTRAINT "document_faqs_document_id_locale_pk" PRIMARY KEY("document_id","locale")
);
--> statement-breakpoint
CREATE TABLE "document_milestones" (
	"document_id" integer NOT NULL,
	"threshold" integer NOT NULL,
	"reached_at" bigint DEFAULT (floor(extract(epoch from clock_timestamp()) * 1000))::bigint NOT NULL,
	CONSTRAINT "document_milestones_document_id_threshold_pk" PRIMARY KEY("document_id","threshold")
);
--> statement-breakpoint
CREATE TABLE "document_responses" (
	"document_id" integer NOT NULL,
	"responded_at" bigint NOT NULL,
	"text" text NOT NULL,
	"source_url" text,
	"updated_at" bigint DEFAULT (floor(extract(epoch from clock_timestamp()) * 1000))::bigint NOT NULL,
	CONSTRAINT "document_responses_document_id_pk" PRIMARY KEY("document_id")
);
--> statement-breakpoint
CREATE TABLE "document_slugs" (
	"slug" text PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"created_at" bigint DEFAULT (floor(extract(epoch from clock_timestamp()) * 1000))::bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisers" (
	"email" text PRIMARY KEY NOT NULL,
	"role" text NOT NULL,
	"invited_by" text NOT NULL,
	"created_at" bigint DEFAULT (floor(extract(epoch from clock_timestamp()) * 1000))::bigint NOT NULL,
	"last_sign_in_at" bigint
);
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "closes_at" bigint;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "languages" jsonb DEFAULT '["en","ru"]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "embed_origins" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "missing_glyphs" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "missing_glyph_names" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "document_faqs" ADD CONSTRAINT "document_faqs_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_milestones" ADD CONSTRAINT "document_milestones_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_responses" ADD CONSTRAINT "document_responses_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_slugs" ADD CONSTRAINT "document_slugs_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_slugs_document" ON "document_slugs" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "signatures_document_state_country" ON "signatures" USING btree ("document_id","state","country");