CREATE TABLE "manager_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"sent_on" date NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"message" text NOT NULL,
	"reminded" integer NOT NULL,
	"emailed" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reminders" ADD COLUMN "manager_reminder_id" uuid;--> statement-breakpoint
ALTER TABLE "manager_reminders" ADD CONSTRAINT "manager_reminders_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manager_reminders" ADD CONSTRAINT "manager_reminders_manager_id_people_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "manager_reminders_once_a_day" ON "manager_reminders" USING btree ("round_id","manager_id","sent_on");--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_manager_reminder_id_manager_reminders_id_fk" FOREIGN KEY ("manager_reminder_id") REFERENCES "public"."manager_reminders"("id") ON DELETE cascade ON UPDATE no action;