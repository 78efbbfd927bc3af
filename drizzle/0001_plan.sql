CREATE TYPE "public"."incident_form" AS ENUM('trakasserier', 'hot', 'vald', 'skadegorelse', 'korruption');--> statement-breakpoint
CREATE TYPE "public"."incident_support" AS ENUM('yes', 'partly', 'no');--> statement-breakpoint
CREATE TYPE "public"."plan_area_status" AS ENUM('not_started', 'under_analysis', 'measures_under_way', 'established');--> statement-breakpoint
CREATE TYPE "public"."plan_change_kind" AS ENUM('status', 'assessment', 'subgoal_added', 'subgoal_status', 'activity_added', 'activity_done', 'follow_up');--> statement-breakpoint
CREATE TYPE "public"."plan_metric" AS ENUM('mean', 'share_high', 'share_low');--> statement-breakpoint
CREATE TYPE "public"."plan_subgoal_status" AS ENUM('open', 'achieved', 'not_achieved');--> statement-breakpoint
CREATE TABLE "incident_readers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"reported_by" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"form" "incident_form" NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"activity_area" text NOT NULL,
	"setting" text DEFAULT '' NOT NULL,
	"description" text NOT NULL,
	"police_reported" boolean NOT NULL,
	"threat_taken_seriously" boolean DEFAULT false NOT NULL,
	"support_enough" "incident_support",
	"support_comment" text,
	"support_answered_at" timestamp with time zone,
	"measures" text DEFAULT '' NOT NULL,
	"measures_updated_at" timestamp with time zone,
	"authority_reported_on" date,
	"work_injury_reported_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incidents_activity_area" CHECK (activity_area in ('barn_och_unga', 'ekonomiskt_bistand', 'socialpsykiatri', 'missbruk_beroende', 'funktionsnedsattning', 'aldreomsorg'))
);
--> statement-breakpoint
CREATE TABLE "plan_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"forvaltning_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"title" text NOT NULL,
	"responsible" text NOT NULL,
	"due_date" date NOT NULL,
	"done_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_area_states" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"forvaltning_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"status" "plan_area_status" DEFAULT 'not_started' NOT NULL,
	"assessment" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"added_year" integer NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"forvaltning_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"kind" "plan_change_kind" NOT NULL,
	"from_status" "plan_area_status",
	"to_status" "plan_area_status",
	"summary" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"forvaltning_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"period" text NOT NULL,
	"year" integer NOT NULL,
	"comment" text NOT NULL,
	"status" "plan_area_status" NOT NULL,
	"written_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_follow_ups_period" CHECK ("plan_follow_ups"."period" in ('T2', 'VB'))
);
--> statement-breakpoint
CREATE TABLE "plan_subgoals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"forvaltning_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"title" text NOT NULL,
	"target_date" date NOT NULL,
	"statement" text,
	"metric" "plan_metric",
	"target_value" double precision,
	"status" "plan_subgoal_status" DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_subgoals_link" CHECK (("plan_subgoals"."statement" is null) = ("plan_subgoals"."metric" is null) and ("plan_subgoals"."metric" is null) = ("plan_subgoals"."target_value" is null)),
	CONSTRAINT "plan_subgoals_statement" CHECK ("plan_subgoals"."statement" is null or "plan_subgoals"."statement" in ('situation', 'quality', 'recommend'))
);
--> statement-breakpoint
CREATE TABLE "plan_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"forvaltning_id" uuid NOT NULL,
	"area_id" uuid,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incident_readers" ADD CONSTRAINT "incident_readers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_readers" ADD CONSTRAINT "incident_readers_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_reported_by_people_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activities" ADD CONSTRAINT "plan_activities_forvaltning_id_org_units_id_fk" FOREIGN KEY ("forvaltning_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activities" ADD CONSTRAINT "plan_activities_area_id_plan_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."plan_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activities" ADD CONSTRAINT "plan_activities_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_area_states" ADD CONSTRAINT "plan_area_states_forvaltning_id_org_units_id_fk" FOREIGN KEY ("forvaltning_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_area_states" ADD CONSTRAINT "plan_area_states_area_id_plan_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."plan_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_area_states" ADD CONSTRAINT "plan_area_states_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_changes" ADD CONSTRAINT "plan_changes_forvaltning_id_org_units_id_fk" FOREIGN KEY ("forvaltning_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_changes" ADD CONSTRAINT "plan_changes_area_id_plan_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."plan_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_changes" ADD CONSTRAINT "plan_changes_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_follow_ups" ADD CONSTRAINT "plan_follow_ups_forvaltning_id_org_units_id_fk" FOREIGN KEY ("forvaltning_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_follow_ups" ADD CONSTRAINT "plan_follow_ups_area_id_plan_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."plan_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_follow_ups" ADD CONSTRAINT "plan_follow_ups_written_by_people_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_subgoals" ADD CONSTRAINT "plan_subgoals_forvaltning_id_org_units_id_fk" FOREIGN KEY ("forvaltning_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_subgoals" ADD CONSTRAINT "plan_subgoals_area_id_plan_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."plan_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_subgoals" ADD CONSTRAINT "plan_subgoals_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_suggestions" ADD CONSTRAINT "plan_suggestions_forvaltning_id_org_units_id_fk" FOREIGN KEY ("forvaltning_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_suggestions" ADD CONSTRAINT "plan_suggestions_area_id_plan_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."plan_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_suggestions" ADD CONSTRAINT "plan_suggestions_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_suggestions" ADD CONSTRAINT "plan_suggestions_answered_by_people_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "incident_readers_person_unit_idx" ON "incident_readers" USING btree ("person_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "incidents_person_idx" ON "incidents" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "incidents_unit_idx" ON "incidents" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "incidents_occurred_idx" ON "incidents" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "plan_activities_unit_area_idx" ON "plan_activities" USING btree ("forvaltning_id","area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_area_states_unit_area_idx" ON "plan_area_states" USING btree ("forvaltning_id","area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_areas_code_idx" ON "plan_areas" USING btree ("code");--> statement-breakpoint
CREATE INDEX "plan_changes_at_idx" ON "plan_changes" USING btree ("at");--> statement-breakpoint
CREATE INDEX "plan_changes_unit_idx" ON "plan_changes" USING btree ("forvaltning_id","area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_follow_ups_period_idx" ON "plan_follow_ups" USING btree ("forvaltning_id","area_id","year","period");--> statement-breakpoint
CREATE INDEX "plan_subgoals_unit_area_idx" ON "plan_subgoals" USING btree ("forvaltning_id","area_id");--> statement-breakpoint
CREATE INDEX "plan_suggestions_unit_idx" ON "plan_suggestions" USING btree ("forvaltning_id","created_at");