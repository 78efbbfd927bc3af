ALTER TYPE "public"."role" ADD VALUE 'union_representative';--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'researcher';