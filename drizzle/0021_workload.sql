CREATE TABLE "workload_prompt_dismissals" (
	"person_id" uuid NOT NULL,
	"week" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workload_prompt_dismissals_person_id_week_pk" PRIMARY KEY("person_id","week")
);
--> statement-breakpoint
CREATE TABLE "workload_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	"open_cases" integer,
	"note" text,
	"rated_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workload_level_range" CHECK ("workload_ratings"."level" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "workload_prompt_dismissals" ADD CONSTRAINT "workload_prompt_dismissals_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workload_ratings" ADD CONSTRAINT "workload_ratings_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workload_ratings" ADD CONSTRAINT "workload_ratings_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workload_ratings_person_idx" ON "workload_ratings" USING btree ("person_id","rated_on");--> statement-breakpoint
CREATE INDEX "workload_ratings_day_idx" ON "workload_ratings" USING btree ("rated_on");