import { localDate, NotFound, type TemplateSource } from '@acervo/domain';
import { fullContentSql } from '@acervo/persistence';
import type { EntityManager } from 'typeorm';
import { readInstitutionSettings } from '../catalogues/institution-settings.service';
import { latestDistributionRecord } from '../distribution/distribution-store';

/**
 * What a process offers the tags, for a viewer who sees its full content — through the
 * secrecy policy, so any other process is 404 (a cover seen by exact number offers no
 * parties, origin or distribution, and rendering must not either).
 */
export async function templateSource(
  db: EntityManager,
  viewer: { userId: string; now: Date },
  processId: string,
): Promise<TemplateSource> {
  const { timeZone } = await readInstitutionSettings(db);
  const [p] = await db.query<
    {
      number: string;
      origin_number: string | null;
      class_code: string;
      class_name: string;
      subject_code: string;
      subject_name: string;
      registered_at: Date;
      creating_unit: string;
      current_unit: string;
      current_city: string;
      current_uf: string;
      full: boolean;
    }[]
  >(
    `SELECT p.number, p.origin_number, p.class_code, c.name AS class_name, p.subject_code, s.name AS subject_name,
            p.registered_at, cu.name AS creating_unit, u.name AS current_unit, u.city AS current_city,
            u.uf AS current_uf,
            ${fullContentSql('p', { user: '$2', now: '$3' })} AS full
       FROM processes p
       JOIN classes c ON c.code = p.class_code
       JOIN subjects s ON s.code = p.subject_code
       JOIN units cu ON cu.id = p.creating_unit_id
       JOIN units u ON u.id = p.unit_id
      WHERE p.id = $1`,
    [processId, viewer.userId, viewer.now],
  );
  if (!p?.full) throw new NotFound('Processo não encontrado.');
  // The new document's place among the process's documents (the drafting transaction holds the process lock).
  const [{ documents }] = await db.query<{ documents: number }[]>(
    `SELECT count(*)::int AS documents FROM documents WHERE process_id = $1`,
    [processId],
  );
  const parties = await db.query<{ name: string; type: string; secret: boolean }[]>(
    `SELECT name, type, secret FROM process_parties WHERE process_id = $1 ORDER BY position`,
    [processId],
  );
  return {
    process: {
      number: p.number,
      originNumber: p.origin_number,
      classCode: p.class_code,
      className: p.class_name,
      subjectCode: p.subject_code,
      subjectName: p.subject_name,
      registeredOn: localDate(p.registered_at, timeZone),
      creatingUnitName: p.creating_unit,
      currentUnitName: p.current_unit,
      currentUnitCity: p.current_city,
      currentUnitUf: p.current_uf,
    },
    documentNumber: String(documents + 1),
    today: localDate(viewer.now, timeZone),
    distribution: await latestDistributionRecord(db, processId),
    parties,
    authorSeesFull: true,
  };
}
