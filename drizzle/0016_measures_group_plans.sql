CREATE TABLE "group_plan_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"subgoal_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
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
	"analysis" text DEFAULT '' NOT NULL,
	"focus_statements" text[] DEFAULT '{}' NOT NULL,
	"focus_area_ids" uuid[] DEFAULT '{}' NOT NULL,
	"follow_up_on" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"outcome" text,
	"follow_up_text" text DEFAULT '' NOT NULL,
	"followed_up_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_areas" (
	"measure_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	CONSTRAINT "measure_areas_measure_id_area_id_pk" PRIMARY KEY("measure_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "group_plan_actions" ADD CONSTRAINT "group_plan_actions_group_plan_id_group_plans_id_fk" FOREIGN KEY ("group_plan_id") REFERENCES "public"."group_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plan_actions" ADD CONSTRAINT "group_plan_actions_subgoal_id_city_plan_subgoals_id_fk" FOREIGN KEY ("subgoal_id") REFERENCES "public"."city_plan_subgoals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plan_comments" ADD CONSTRAINT "group_plan_comments_group_plan_id_group_plans_id_fk" FOREIGN KEY ("group_plan_id") REFERENCES "public"."group_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plan_comments" ADD CONSTRAINT "group_plan_comments_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plans" ADD CONSTRAINT "group_plans_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plans" ADD CONSTRAINT "group_plans_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plans" ADD CONSTRAINT "group_plans_manager_id_people_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_areas" ADD CONSTRAINT "measure_areas_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_areas" ADD CONSTRAINT "measure_areas_area_id_city_plan_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."city_plan_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_plan_actions_plan_idx" ON "group_plan_actions" USING btree ("group_plan_id");--> statement-breakpoint
CREATE INDEX "group_plan_actions_subgoal_idx" ON "group_plan_actions" USING btree ("subgoal_id");--> statement-breakpoint
CREATE INDEX "group_plan_comments_plan_idx" ON "group_plan_comments" USING btree ("group_plan_id");--> statement-breakpoint
CREATE INDEX "group_plans_unit_idx" ON "group_plans" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "group_plans_round_idx" ON "group_plans" USING btree ("round_id");--> statement-breakpoint
-- The suggested measures a kommun starts with (åtgärdsbank), each under the plan areas it serves;
-- the kommun's administrators reword, add and retire them.
WITH m(position, title, description, codes) AS (VALUES
	(1, 'Färre nya ärenden en period', 'Inga nya ärenden under en överenskommen tid, så att pågående utredningar hinner bli klara.', ARRAY['manager_span_reporting']),
	(2, 'Genomgång av ärendemängden med chef varannan vecka', 'Ärendelistan gås igenom tillsammans; chefen prioriterar och fördelar om vid behov.', ARRAY['manager_span_reporting', 'close_leadership']),
	(3, 'Medhandläggare i tunga ärenden', 'En kollega delar utredningen i ärenden med hot, många barn eller stor komplexitet.', ARRAY['co_handling']),
	(4, 'Ärendehandledning varje vecka', 'Fast tid för intern ärendehandledning med biträdande enhetschef eller metodstöd.', ARRAY['case_supervision']),
	(5, 'Extern handledning', 'Processhandledning eller extern ärendehandledning under en period.', ARRAY['case_supervision']),
	(6, 'Mentor under en period', 'En erfaren kollega som mentor, med avsatt tid varannan vecka.', ARRAY['introduction_mentorship']),
	(7, 'Avlastning med administrativt stöd', 'Administratör tar över bokningar, utskick och registrering i ärendena.', ARRAY['admin_support_caseworkers']),
	(8, 'Fortbildning eller specialistutbildning', 'Plats på en utbildning som medarbetaren och chefen kommer överens om.', ARRAY['further_training', 'competence_forum']),
	(9, 'Fasta avstämningar med närmaste chef', 'Ett kort samtal varje vecka om arbetssituationen.', ARRAY['close_leadership']),
	(10, 'Stöd efter hot eller våld', 'Samtal med chef och vid behov företagshälsovård; säkerhetsplan i ärendet.', ARRAY['threats_violence']),
	(11, 'Anpassad arbetsplats eller arbetsredskap', 'Till exempel ett tystare rum, bättre dator eller mobiltelefon.', ARRAY['premises_tools']),
	(12, 'Kontakt med företagshälsovården', 'Stödsamtal eller bedömning av arbetsbelastning och hälsa.', ARRAY['close_leadership']),
	(13, 'Handleda en student (VFU)', 'Utvecklande uppdrag för en erfaren medarbetare, med tid avsatt för det.', ARRAY['student_placements', 'university_collaboration']),
	(14, 'Gemensam ärendedragning i gruppen', 'Ett svårt ärende dras i gruppen så att fler tänker med.', ARRAY['case_supervision', 'competence_forum'])
), inserted AS (
	INSERT INTO "measures" ("title", "description", "position")
	SELECT title, description, position FROM m
	RETURNING id, position
)
INSERT INTO "measure_areas" ("measure_id", "area_id")
SELECT inserted.id, a.id FROM inserted JOIN m USING (position) JOIN "city_plan_areas" a ON a.code = ANY (m.codes);
