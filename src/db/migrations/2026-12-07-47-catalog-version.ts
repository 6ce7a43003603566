import { type Kysely, sql } from "kysely";

/**
 * Catalog search runs on an index each process keeps in memory (src/modules/catalog/search-index.ts). Every process
 * must learn that the catalog changed, whichever process or tool changed it: one counter row, bumped in the
 * transaction of every write to the tables search reads (procedures, their versions, offerings, fields, and a
 * unit's active flag, which decides whether a procedure can be filed online there). Processes read the row: one
 * primary-key read at most once a second.
 *
 * The triggers are deferred to commit: the row is then locked last, after every row the writing transaction locks
 * on its own, so two catalog writes can never deadlock on it. set_config marks the transaction as counted, so an
 * import of thousands of rows bumps the counter once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE catalog_state (
      id int PRIMARY KEY CHECK (id = 1),
      version bigint NOT NULL
    )
  `.execute(db);
  await sql`INSERT INTO catalog_state (id, version) VALUES (1, 1)`.execute(db);
  await sql`
    CREATE FUNCTION catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF current_setting('motcua.catalog_changed', true) = txid_current()::text THEN
        RETURN NULL;
      END IF;
      PERFORM set_config('motcua.catalog_changed', txid_current()::text, true);
      UPDATE catalog_state SET version = version + 1 WHERE id = 1;
      RETURN NULL;
    END
    $$
  `.execute(db);
  for (const table of ["procedures", "procedure_versions", "procedure_offerings", "catalog_fields"]) {
    await sql`
      CREATE CONSTRAINT TRIGGER ${sql.raw(`${table}_catalog_changed`)}
      AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)}
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION catalog_changed()
    `.execute(db);
  }
  await sql`
    CREATE CONSTRAINT TRIGGER units_catalog_changed
    AFTER UPDATE OF active ON units
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION catalog_changed()
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
