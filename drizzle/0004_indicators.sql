CREATE TYPE "public"."indicator_dimension" AS ENUM('total', 'title', 'gender', 'level', 'area');--> statement-breakpoint
CREATE TYPE "public"."indicator_kind" AS ENUM('count', 'rate', 'percent', 'decimal');--> statement-breakpoint
CREATE TYPE "public"."indicator_period_type" AS ENUM('year', 'count_day', 'semester', 'tertial');--> statement-breakpoint
CREATE TABLE "board_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"work" text DEFAULT '' NOT NULL,
	"analysis" text DEFAULT '' NOT NULL,
	"next_steps" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_reports_kind" CHECK ("board_reports"."kind" in ('T2', 'VB'))
);
--> statement-breakpoint
CREATE TABLE "indicator_definition_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"indicator_id" uuid NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"file_name" text NOT NULL,
	"rows" jsonb NOT NULL,
	"applied_at" timestamp with time zone,
	"applied_count" integer
);
--> statement-breakpoint
CREATE TABLE "indicator_value_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"indicator_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"period" text NOT NULL,
	"dimension" "indicator_dimension" NOT NULL,
	"category" text NOT NULL,
	"action" text NOT NULL,
	"old_value" numeric(14, 3),
	"new_value" numeric(14, 3),
	"old_base" numeric(14, 3),
	"new_base" numeric(14, 3),
	"source" text NOT NULL,
	"import_id" uuid,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"period" text NOT NULL,
	"dimension" "indicator_dimension" DEFAULT 'total' NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"value" numeric(14, 3) NOT NULL,
	"base" numeric(14, 3),
	"count_month" smallint,
	"note" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_count_month" CHECK ("indicator_values"."count_month" is null or "indicator_values"."count_month" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" "indicator_kind" NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"numerator_label" text,
	"denominator_label" text,
	"period_type" "indicator_period_type" NOT NULL,
	"higher_is_better" boolean NOT NULL,
	"target" numeric(14, 3),
	"unit_target" numeric(14, 3),
	"splits" text[] DEFAULT '{}'::text[] NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "board_reports" ADD CONSTRAINT "board_reports_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_reports" ADD CONSTRAINT "board_reports_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_imports" ADD CONSTRAINT "indicator_imports_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "board_reports_unit_period_idx" ON "board_reports" USING btree ("org_unit_id","year","kind");--> statement-breakpoint
CREATE INDEX "indicator_definition_history_indicator_idx" ON "indicator_definition_history" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "indicator_value_history_unit_idx" ON "indicator_value_history" USING btree ("org_unit_id","period");--> statement-breakpoint
CREATE INDEX "indicator_value_history_at_idx" ON "indicator_value_history" USING btree ("changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_key_idx" ON "indicator_values" USING btree ("indicator_id","org_unit_id","period","dimension","category");--> statement-breakpoint
CREATE INDEX "indicator_values_unit_idx" ON "indicator_values" USING btree ("org_unit_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_key_idx" ON "indicators" USING btree ("key");