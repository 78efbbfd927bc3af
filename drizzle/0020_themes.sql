CREATE TABLE "response_themes" (
	"response_id" uuid NOT NULL,
	"statement" text NOT NULL,
	"theme" text NOT NULL,
	CONSTRAINT "response_themes_response_id_statement_theme_pk" PRIMARY KEY("response_id","statement","theme")
);
--> statement-breakpoint
CREATE TABLE "theme_tag_state" (
	"round_id" uuid PRIMARY KEY NOT NULL,
	"lexicon_version" text NOT NULL,
	"text_signature" text NOT NULL,
	"tagged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "theme_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"theme" text NOT NULL,
	"term" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "response_themes" ADD CONSTRAINT "response_themes_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_tag_state" ADD CONSTRAINT "theme_tag_state_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_terms" ADD CONSTRAINT "theme_terms_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "response_themes_theme_idx" ON "response_themes" USING btree ("theme");--> statement-breakpoint
CREATE UNIQUE INDEX "theme_terms_theme_term_idx" ON "theme_terms" USING btree ("theme","term");