CREATE TABLE "data_versions" (
	"name" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_cells" (
	"unit_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"area" text NOT NULL,
	"title" text NOT NULL,
	"shown" boolean NOT NULL,
	"text_shown" boolean NOT NULL,
	"n" integer NOT NULL,
	"reason" text,
	"text_reason" text,
	"members" integer,
	"hist" integer[],
	"cases_sum" bigint,
	"cases_median" double precision,
	CONSTRAINT "disclosure_cells_unit_id_round_id_area_title_pk" PRIMARY KEY("unit_id","round_id","area","title")
);
--> statement-breakpoint
CREATE TABLE "disclosure_rounds" (
	"round_id" uuid PRIMARY KEY NOT NULL,
	"basis" text NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "disclosure_cells" ADD CONSTRAINT "disclosure_cells_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_rounds" ADD CONSTRAINT "disclosure_rounds_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;