import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REWRITE_PROCESS_SEARCH_SQL } from '../search';
import { createStatementTriggers, dropStatementTriggers } from './statement-triggers';

/**
 * The full-text vector kept by the database whoever writes (docs/search.md): the process's
 * number, origin number, summary and the names of its non-secret parties, through Portuguese
 * stemming twice — as written, and with accents removed first — so that "licitacao" finds
 * "Licitação" and "licitações" still finds "licitação". Triggers recompute it when any of
 * those change, so a party added or made secret later is searchable or hidden at once.
 */
export class SearchMaintained1765200000000 implements MigrationInterface {
  name = 'SearchMaintained1765200000000';

  async up(q: QueryRunner): Promise<void> {
    // Trusted since PostgreSQL 13: the database's owner may create it.
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE TEXT SEARCH CONFIGURATION "portuguese_unaccent" (COPY = portuguese)`);
    await q.query(`ALTER TEXT SEARCH CONFIGURATION "portuguese_unaccent"
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, portuguese_stem`);
    await q.query(`CREATE FUNCTION "search_document"(text) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN to_tsvector('portuguese', $1) || to_tsvector('portuguese_unaccent', $1)`);
    await q.query(`CREATE FUNCTION "search_query"(text) RETURNS tsquery
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN websearch_to_tsquery('portuguese', $1) || websearch_to_tsquery('portuguese_unaccent', $1)`);
    await q.query(`CREATE FUNCTION "process_search_document"(process uuid, number text, origin text, summary text)
      RETURNS tsvector LANGUAGE sql STABLE PARALLEL SAFE
      RETURN "search_document"(concat_ws(' ', number, origin, summary,
        (SELECT string_agg(pp.name, ' ' ORDER BY pp.position) FROM process_parties pp
          WHERE pp.process_id = process AND NOT pp.secret)))`);
    await q.query(`CREATE FUNCTION "processes_search_row"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search := "process_search_document"(NEW.id, NEW.number, NEW.origin_number, NEW.summary);
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "TR_processes_search" BEFORE INSERT OR UPDATE OF "number", "origin_number", "summary"
      ON "processes" FOR EACH ROW EXECUTE FUNCTION "processes_search_row"()`);
    await q.query(`CREATE FUNCTION "process_parties_search"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          UPDATE processes p SET search = "process_search_document"(p.id, p.number, p.origin_number, p.summary)
           WHERE p.id IN (SELECT process_id FROM new_rows);
        ELSIF TG_OP = 'DELETE' THEN
          UPDATE processes p SET search = "process_search_document"(p.id, p.number, p.origin_number, p.summary)
           WHERE p.id IN (SELECT process_id FROM old_rows);
        ELSE
          UPDATE processes p SET search = "process_search_document"(p.id, p.number, p.origin_number, p.summary)
           WHERE p.id IN (SELECT process_id FROM new_rows UNION SELECT process_id FROM old_rows);
        END IF;
        RETURN NULL;
      END $$`);
    await createStatementTriggers(q, 'TR_process_parties_search', 'process_parties', 'process_parties_search');
    for (const statement of REWRITE_PROCESS_SEARCH_SQL) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropStatementTriggers(q, 'TR_process_parties_search', 'process_parties');
    await q.query(`DROP FUNCTION "process_parties_search"()`);
    await q.query(`DROP TRIGGER "TR_processes_search" ON "processes"`);
    await q.query(`DROP FUNCTION "processes_search_row"()`);
    // As registration wrote it before: summary and non-secret party names, stemmed as written.
    await q.query(`DROP INDEX "IDX_processes_search"`);
    await q.query(`UPDATE processes SET search = to_tsvector('portuguese', concat_ws(' ', summary,
      (SELECT string_agg(pp.name, ' ' ORDER BY pp.position) FROM process_parties pp
        WHERE pp.process_id = processes.id AND NOT pp.secret)))`);
    await q.query(`CREATE INDEX "IDX_processes_search" ON "processes" USING gin ("search")`);
    await q.query(`DROP FUNCTION "process_search_document"(uuid, text, text, text)`);
    await q.query(`DROP FUNCTION "search_query"(text)`);
    await q.query(`DROP FUNCTION "search_document"(text)`);
    await q.query(`DROP TEXT SEARCH CONFIGURATION "portuguese_unaccent"`);
  }
}
