-- The city's action plan (city_plan_*) and the individual action plans (individual_plan*) named apart (issue 10). Renames only: no data moves.
ALTER TYPE "public"."action_plan_status" RENAME TO "individual_plan_status";--> statement-breakpoint
ALTER TYPE "public"."plan_area_status" RENAME TO "city_plan_area_status";--> statement-breakpoint
ALTER TYPE "public"."plan_change_kind" RENAME TO "city_plan_change_kind";--> statement-breakpoint
ALTER TYPE "public"."plan_metric" RENAME TO "city_plan_metric";--> statement-breakpoint
ALTER TYPE "public"."plan_subgoal_status" RENAME TO "city_plan_subgoal_status";--> statement-breakpoint
ALTER TABLE "action_plan_notes" RENAME TO "individual_plan_notes";--> statement-breakpoint
ALTER INDEX IF EXISTS "action_plan_notes_pkey" RENAME TO "individual_plan_notes_pkey";--> statement-breakpoint
ALTER TABLE "individual_plan_notes" RENAME COLUMN "action_plan_id" TO "individual_plan_id";--> statement-breakpoint
ALTER TABLE "individual_plan_notes" RENAME CONSTRAINT "action_plan_notes_action_plan_id_action_plans_id_fk" TO "individual_plan_notes_individual_plan_id_individual_plans_id_fk";--> statement-breakpoint
ALTER TABLE "individual_plan_notes" RENAME CONSTRAINT "action_plan_notes_author_id_people_id_fk" TO "individual_plan_notes_author_id_people_id_fk";--> statement-breakpoint
ALTER INDEX "action_plan_notes_plan_idx" RENAME TO "individual_plan_notes_plan_idx";--> statement-breakpoint
ALTER TABLE "action_plans" RENAME TO "individual_plans";--> statement-breakpoint
ALTER INDEX IF EXISTS "action_plans_pkey" RENAME TO "individual_plans_pkey";--> statement-breakpoint
ALTER TABLE "individual_plans" RENAME CONSTRAINT "action_plans_person_id_people_id_fk" TO "individual_plans_person_id_people_id_fk";--> statement-breakpoint
ALTER TABLE "individual_plans" RENAME CONSTRAINT "action_plans_manager_id_people_id_fk" TO "individual_plans_manager_id_people_id_fk";--> statement-breakpoint
ALTER TABLE "individual_plans" RENAME CONSTRAINT "action_plans_round_id_rounds_id_fk" TO "individual_plans_round_id_rounds_id_fk";--> statement-breakpoint
ALTER INDEX "action_plans_person_idx" RENAME TO "individual_plans_person_idx";--> statement-breakpoint
ALTER INDEX "action_plans_manager_idx" RENAME TO "individual_plans_manager_idx";--> statement-breakpoint
ALTER TABLE "plan_activities" RENAME TO "city_plan_activities";--> statement-breakpoint
ALTER INDEX IF EXISTS "plan_activities_pkey" RENAME TO "city_plan_activities_pkey";--> statement-breakpoint
ALTER TABLE "city_plan_activities" RENAME CONSTRAINT "plan_activities_forvaltning_id_org_units_id_fk" TO "city_plan_activities_forvaltning_id_org_units_id_fk";--> statement-breakpoint
ALTER TABLE "city_plan_activities" RENAME CONSTRAINT "plan_activities_area_id_plan_areas_id_fk" TO "city_plan_activities_area_id_city_plan_areas_id_fk";--> statement-breakpoint
ALTER TABLE "city_plan_activities" RENAME CONSTRAINT "plan_activities_created_by_people_id_fk" TO "city_plan_activities_created_by_people_id_fk";--> statement-breakpoint
ALTER INDEX "plan_activities_unit_area_idx" RENAME TO "city_plan_activities_unit_area_idx";--> statement-breakpoint
ALTER TABLE "plan_area_states" RENAME TO "city_plan_area_states";--> statement-breakpoint
ALTER INDEX IF EXISTS "plan_area_states_pkey" RENAME TO "city_plan_area_states_pkey";--> statement-breakpoint
ALTER TABLE "city_plan_area_states" RENAME CONSTRAINT "plan_area_states_forvaltning_id_org_units_id_fk" TO "city_plan_area_states_forvaltning_id_org_units_id_fk";--> statement-breakpoint
ALTER TABLE "city_plan_area_states" RENAME CONSTRAINT "plan_area_states_area_id_plan_areas_id_fk" TO "city_plan_area_states_area_id_city_plan_areas_id_fk";--> statement-breakpoint
ALTER TABLE "city_plan_area_states" RENAME CONSTRAINT "plan_area_states_updated_by_people_id_fk" TO "city_plan_area_states_updated_by_people_id_fk";--> statement-breakpoint
ALTER INDEX "plan_area_states_unit_area_idx" RENAME TO "city_plan_area_states_unit_area_idx";--> statement-breakpoint
ALTER TABLE "plan_areas" RENAME TO "city_plan_areas";--> statement-breakpoint
ALTER INDEX IF EXISTS "plan_areas_pkey" RENAME TO "city_plan_areas_pkey";--> statement-breakpoint
ALTER INDEX "plan_areas_code_idx" RENAME TO "city_plan_areas_code_idx";--> statement-breakpoint
ALTER TABLE "plan_changes" RENAME TO "city_plan_changes";--> statement-breakpoint
ALTER INDEX IF EXISTS "plan_changes_pkey" RENAME TO "city_plan_changes_pkey";--> statement-breakpoint
ALTER SEQUENCE IF EXISTS "plan_changes_id_seq" RENAME TO "city_plan_changes_id_seq";--> statement-breakpoint
ALTER TABLE "city_plan_changes" RENAME CONSTRAINT "plan_changes_forvaltning_id_org_units_id_fk" TO "city_plan_changes_forvaltning_id_org_units_id_fk";--> statement-breakpoint
ALTER TABLE "city_plan_changes" RENAME CONSTRAINT "plan_changes_area_id_plan_areas_id_fk" TO "city_plan_changes_area_id_city_plan_areas_id_fk";--> statement-breakpoint
ALTER TABLE "city_plan_changes" RENAME CONSTRAINT "plan_changes_actor_id_people_id_fk" TO "city_plan_changes_actor_id_people_id_fk";--> statement-breakpoint
ALTER INDEX "plan_changes_at_idx" RENAME TO "city_plan_changes_at_idx";--> statement-breakpoint
ALTER INDEX "plan_changes_unit_idx" RENAME TO "city_plan_changes_unit_idx";--> statement-breakpoint
ALTER TABLE "plan_follow_ups" RENAME TO "city_plan_follow_ups";--> statement-breakpoint
ALTER INDEX IF EXISTS "plan_follow_ups_pkey" RENAME TO "city_plan_follow_ups_pkey";--> statement-breakpoint
ALTER TABLE "city_plan_follow_ups" RENAME CONSTRAINT "plan_follow_ups_forvaltning_id_org_units_id_fk" TO "city_plan_follow_ups_forvaltning_id_org_units_id_fk";--> statement-breakpoint
ALTER TABLE "city_plan_follow_ups" RENAME CONSTRAINT "plan_follow_ups_area_id_plan_areas_id_fk" TO "city_plan_follow_ups_area_id_city_plan_areas_id_fk";--> statement-breakpoint
ALTER TABLE "city_plan_follow_ups" RENAME CONSTRAINT "plan_follow_ups_written_by_people_id_fk" TO "city_plan_follow_ups_written_by_people_id_fk";--> statement-breakpoint
ALTER TABLE "city_plan_follow_ups" RENAME CONSTRAINT "plan_follow_ups_period" TO "city_plan_follow_ups_period";--> statement-breakpoint
ALTER INDEX "plan_follow_ups_period_idx" RENAME TO "city_plan_follow_ups_period_idx";--> statement-breakpoint
ALTER TABLE "plan_subgoals" RENAME TO "city_plan_subgoals";--> statement-breakpoint
ALTER INDEX IF EXISTS "plan_subgoals_pkey" RENAME TO "city_plan_subgoals_pkey";--> statement-breakpoint
ALTER TABLE "city_plan_subgoals" RENAME CONSTRAINT "plan_subgoals_forvaltning_id_org_units_id_fk" TO "city_plan_subgoals_forvaltning_id_org_units_id_fk";--> statement-breakpoint
ALTER TABLE "city_plan_subgoals" RENAME CONSTRAINT "plan_subgoals_area_id_plan_areas_id_fk" TO "city_plan_subgoals_area_id_city_plan_areas_id_fk";--> statement-breakpoint
ALTER TABLE "city_plan_subgoals" RENAME CONSTRAINT "plan_subgoals_indicator_id_indicators_id_fk" TO "city_plan_subgoals_indicator_id_indicators_id_fk";--> statement-breakpoint
ALTER TABLE "city_plan_subgoals" RENAME CONSTRAINT "plan_subgoals_created_by_people_id_fk" TO "city_plan_subgoals_created_by_people_id_fk";--> statement-breakpoint
ALTER TABLE "city_plan_subgoals" RENAME CONSTRAINT "plan_subgoals_link" TO "city_plan_subgoals_link";--> statement-breakpoint
ALTER TABLE "city_plan_subgoals" RENAME CONSTRAINT "plan_subgoals_statement" TO "city_plan_subgoals_statement";--> statement-breakpoint
ALTER INDEX "plan_subgoals_unit_area_idx" RENAME TO "city_plan_subgoals_unit_area_idx";--> statement-breakpoint
ALTER TABLE "plan_suggestions" RENAME TO "city_plan_suggestions";--> statement-breakpoint
ALTER INDEX IF EXISTS "plan_suggestions_pkey" RENAME TO "city_plan_suggestions_pkey";--> statement-breakpoint
ALTER TABLE "city_plan_suggestions" RENAME CONSTRAINT "plan_suggestions_forvaltning_id_org_units_id_fk" TO "city_plan_suggestions_forvaltning_id_org_units_id_fk";--> statement-breakpoint
ALTER TABLE "city_plan_suggestions" RENAME CONSTRAINT "plan_suggestions_area_id_plan_areas_id_fk" TO "city_plan_suggestions_area_id_city_plan_areas_id_fk";--> statement-breakpoint
ALTER TABLE "city_plan_suggestions" RENAME CONSTRAINT "plan_suggestions_author_id_people_id_fk" TO "city_plan_suggestions_author_id_people_id_fk";--> statement-breakpoint
ALTER TABLE "city_plan_suggestions" RENAME CONSTRAINT "plan_suggestions_answered_by_people_id_fk" TO "city_plan_suggestions_answered_by_people_id_fk";--> statement-breakpoint
ALTER INDEX "plan_suggestions_unit_idx" RENAME TO "city_plan_suggestions_unit_idx";
