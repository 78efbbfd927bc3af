CREATE TABLE "disclosure_guards" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"k" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"area" text,
	"title" text,
	CONSTRAINT "disclosure_guards_kind" CHECK ("disclosure_guards"."kind" in ('figures', 'text'))
);
--> statement-breakpoint
CREATE TABLE "login_flows" (
	"id" text PRIMARY KEY NOT NULL,
	"method" text NOT NULL,
	"code_verifier" text NOT NULL,
	"nonce" text NOT NULL,
	"next" text DEFAULT '/' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retained_rounds" (
	"round_id" uuid PRIMARY KEY NOT NULL,
	"retained_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retention_years" integer NOT NULL,
	"pseudonymised" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_pseudonyms" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"kommun_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"status" text DEFAULT 'preview' NOT NULL,
	"fingerprint" text NOT NULL,
	"rows" jsonb,
	"summary" jsonb NOT NULL,
	"applied_at" timestamp with time zone,
	CONSTRAINT "staff_imports_status" CHECK ("staff_imports"."status" in ('preview', 'applied'))
);
--> statement-breakpoint
ALTER TABLE "disclosure_guards" ADD CONSTRAINT "disclosure_guards_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retained_rounds" ADD CONSTRAINT "retained_rounds_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_pseudonyms" ADD CONSTRAINT "retention_pseudonyms_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_pseudonyms" ADD CONSTRAINT "retention_pseudonyms_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_imports" ADD CONSTRAINT "staff_imports_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_imports" ADD CONSTRAINT "staff_imports_kommun_id_org_units_id_fk" FOREIGN KEY ("kommun_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disclosure_guards_round_idx" ON "disclosure_guards" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "login_flows_expires_idx" ON "login_flows" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "retention_pseudonyms_round_idx" ON "retention_pseudonyms" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "staff_imports_created_idx" ON "staff_imports" USING btree ("created_at");