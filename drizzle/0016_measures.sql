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
ALTER TABLE "measure_areas" ADD CONSTRAINT "measure_areas_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_areas" ADD CONSTRAINT "measure_areas_area_id_city_plan_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."city_plan_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
