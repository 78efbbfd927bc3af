ALTER TYPE "public"."role" ADD VALUE 'mentor';--> statement-breakpoint
CREATE TABLE "checklist_answers" (
	"checklist_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"answer" text NOT NULL,
	CONSTRAINT "checklist_answers_checklist_id_item_id_pk" PRIMARY KEY("checklist_id","item_id"),
	CONSTRAINT "checklist_answers_answer" CHECK ("checklist_answers"."answer" in ('ja', 'nej', 'ej_aktuellt'))
);
--> statement-breakpoint
CREATE TABLE "checklist_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"goal_id" uuid,
	"question" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checklists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"enhet_id" uuid NOT NULL,
	"closed_on" date NOT NULL,
	"client_gender" text NOT NULL,
	"age_band" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checklists_client_gender" CHECK ("checklists"."client_gender" in ('flicka', 'pojke', 'annat')),
	CONSTRAINT "checklists_age_band" CHECK ("checklists"."age_band" in ('0-6', '7-12', '13-17', '18-20', '21-64', '65+'))
);
--> statement-breakpoint
CREATE TABLE "unit_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"expected_share" smallint NOT NULL,
	"subgoal_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_goals_expected_share" CHECK ("unit_goals"."expected_share" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "introduction_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"introduction_id" uuid NOT NULL,
	"step_id" uuid,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "introduction_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"introduction_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_week" smallint NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"done_on" date,
	"done_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "introduction_template_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_week" smallint NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "introduction_template_steps_week" CHECK ("introduction_template_steps"."due_week" between 1 and 26)
);
--> statement-breakpoint
CREATE TABLE "introductions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"mentor_id" uuid,
	"completed_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"semester" text NOT NULL,
	"kind" text NOT NULL,
	"gender" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placements_kind" CHECK ("placements"."kind" in ('vfu_student', 'trainee')),
	CONSTRAINT "placements_gender" CHECK ("placements"."gender" is null or "placements"."gender" in ('kvinna', 'man', 'annat'))
);
--> statement-breakpoint
ALTER TABLE "checklist_answers" ADD CONSTRAINT "checklist_answers_checklist_id_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."checklists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_answers" ADD CONSTRAINT "checklist_answers_item_id_checklist_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."checklist_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_items" ADD CONSTRAINT "checklist_items_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_items" ADD CONSTRAINT "checklist_items_goal_id_unit_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."unit_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklists" ADD CONSTRAINT "checklists_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklists" ADD CONSTRAINT "checklists_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklists" ADD CONSTRAINT "checklists_enhet_id_org_units_id_fk" FOREIGN KEY ("enhet_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_goals" ADD CONSTRAINT "unit_goals_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_goals" ADD CONSTRAINT "unit_goals_subgoal_id_city_plan_subgoals_id_fk" FOREIGN KEY ("subgoal_id") REFERENCES "public"."city_plan_subgoals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_goals" ADD CONSTRAINT "unit_goals_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_notes" ADD CONSTRAINT "introduction_notes_introduction_id_introductions_id_fk" FOREIGN KEY ("introduction_id") REFERENCES "public"."introductions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_notes" ADD CONSTRAINT "introduction_notes_step_id_introduction_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."introduction_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_notes" ADD CONSTRAINT "introduction_notes_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_steps" ADD CONSTRAINT "introduction_steps_introduction_id_introductions_id_fk" FOREIGN KEY ("introduction_id") REFERENCES "public"."introductions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_steps" ADD CONSTRAINT "introduction_steps_done_by_people_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_template_steps" ADD CONSTRAINT "introduction_template_steps_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introductions" ADD CONSTRAINT "introductions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introductions" ADD CONSTRAINT "introductions_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introductions" ADD CONSTRAINT "introductions_mentor_id_people_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introductions" ADD CONSTRAINT "introductions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checklist_answers_item_idx" ON "checklist_answers" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "checklist_items_unit_idx" ON "checklist_items" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "checklists_enhet_idx" ON "checklists" USING btree ("enhet_id","closed_on");--> statement-breakpoint
CREATE INDEX "checklists_person_idx" ON "checklists" USING btree ("person_id","closed_on");--> statement-breakpoint
CREATE INDEX "unit_goals_unit_idx" ON "unit_goals" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "introduction_notes_intro_idx" ON "introduction_notes" USING btree ("introduction_id");--> statement-breakpoint
CREATE INDEX "introduction_steps_intro_idx" ON "introduction_steps" USING btree ("introduction_id");--> statement-breakpoint
CREATE INDEX "introduction_template_steps_unit_idx" ON "introduction_template_steps" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "introductions_person_idx" ON "introductions" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "introductions_unit_idx" ON "introductions" USING btree ("org_unit_id","start_date");--> statement-breakpoint
CREATE INDEX "placements_unit_idx" ON "placements" USING btree ("org_unit_id","semester");