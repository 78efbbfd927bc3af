CREATE TABLE "research_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"researcher_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "research_codings" (
	"code_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"statement" text NOT NULL,
	"text_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "research_codings_code_id_round_id_statement_text_hash_pk" PRIMARY KEY("code_id","round_id","statement","text_hash")
);
--> statement-breakpoint
ALTER TABLE "research_codes" ADD CONSTRAINT "research_codes_researcher_id_people_id_fk" FOREIGN KEY ("researcher_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_codings" ADD CONSTRAINT "research_codings_code_id_research_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."research_codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_codings" ADD CONSTRAINT "research_codings_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "research_codes_name_idx" ON "research_codes" USING btree ("researcher_id",lower("name"));--> statement-breakpoint
CREATE INDEX "research_codings_text_idx" ON "research_codings" USING btree ("round_id","statement","text_hash");