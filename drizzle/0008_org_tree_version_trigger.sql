-- The version of the organisation tree, bumped by every statement that inserts or deletes org
-- units or changes a parent or path, whoever makes it (app, import, psql). The stored anonymity
-- decisions of closed rounds (disclosure_cells) record the version they were computed under and
-- are recomputed when it moves (see src/lib/server/reports/disclosure-store.ts).
INSERT INTO "data_versions" ("name", "version") VALUES ('org_tree', 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_org_tree_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "data_versions" ("name", "version", "changed_at") VALUES ('org_tree', 1, now())
	ON CONFLICT ("name") DO UPDATE SET "version" = "data_versions"."version" + 1, "changed_at" = now();
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "org_units_tree_changed"
	AFTER INSERT OR DELETE OR UPDATE OF "parent_id", "path" ON "org_units"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_org_tree_version"();
--> statement-breakpoint
CREATE TRIGGER "org_units_tree_truncated"
	AFTER TRUNCATE ON "org_units"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_org_tree_version"();
