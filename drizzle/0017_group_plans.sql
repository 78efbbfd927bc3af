CREATE TYPE "public"."group_plan_outcome" AS ENUM('improved', 'partly', 'not_improved');--> statement-breakpoint
CREATE TYPE "public"."group_plan_status" AS ENUM('active', 'followed_up');--> statement-breakpoint
CREATE TABLE "group_plan_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid,
	"due_on" date NOT NULL,
	"subgoal_id" uuid,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_plan_areas" (
	"group_plan_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	CONSTRAINT "group_plan_areas_group_plan_id_area_id_pk" PRIMARY KEY("group_plan_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "group_plan_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_plan_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"results" jsonb NOT NULL,
	"focus_statements" text[] DEFAULT '{}' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"status" "group_plan_status" DEFAULT 'active' NOT NULL,
	"follow_up_on" date NOT NULL,
	"outcome" "group_plan_outcome",
	"follow_up_text" text DEFAULT '' NOT NULL,
	"followed_up_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "group_plan_actions" ADD CONSTRAINT "group_plan_actions_group_plan_id_group_plans_id_fk" FOREIGN KEY ("group_plan_id") REFERENCES "public"."group_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plan_actions" ADD CONSTRAINT "group_plan_actions_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plan_actions" ADD CONSTRAINT "group_plan_actions_subgoal_id_city_plan_subgoals_id_fk" FOREIGN KEY ("subgoal_id") REFERENCES "public"."city_plan_subgoals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plan_areas" ADD CONSTRAINT "group_plan_areas_group_plan_id_group_plans_id_fk" FOREIGN KEY ("group_plan_id") REFERENCES "public"."group_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plan_areas" ADD CONSTRAINT "group_plan_areas_area_id_city_plan_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."city_plan_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plan_comments" ADD CONSTRAINT "group_plan_comments_group_plan_id_group_plans_id_fk" FOREIGN KEY ("group_plan_id") REFERENCES "public"."group_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plan_comments" ADD CONSTRAINT "group_plan_comments_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plans" ADD CONSTRAINT "group_plans_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plans" ADD CONSTRAINT "group_plans_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plans" ADD CONSTRAINT "group_plans_manager_id_people_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_plan_actions_plan_idx" ON "group_plan_actions" USING btree ("group_plan_id");--> statement-breakpoint
CREATE INDEX "group_plan_actions_subgoal_idx" ON "group_plan_actions" USING btree ("subgoal_id");--> statement-breakpoint
CREATE INDEX "group_plan_comments_plan_idx" ON "group_plan_comments" USING btree ("group_plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "group_plans_unit_round_idx" ON "group_plans" USING btree ("org_unit_id","round_id");