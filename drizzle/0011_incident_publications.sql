CREATE TABLE "incident_publications" (
	"year" integer PRIMARY KEY NOT NULL,
	"cutoff" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_published_cells" (
	"year" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"area" text NOT NULL,
	"cells" jsonb NOT NULL,
	CONSTRAINT "incident_published_cells_year_unit_id_area_pk" PRIMARY KEY("year","unit_id","area")
);
--> statement-breakpoint
ALTER TABLE "incident_published_cells" ADD CONSTRAINT "incident_published_cells_year_incident_publications_year_fk" FOREIGN KEY ("year") REFERENCES "public"."incident_publications"("year") ON DELETE no action ON UPDATE no action;