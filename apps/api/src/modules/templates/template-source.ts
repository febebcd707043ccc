import { localDate, NotFound, type TemplateSource } from '@acervo/domain';
import { visibilityByNumberSql } from '@acervo/persistence';
import type { EntityManager } from 'typeorm';
import { readInstitutionSettings } from '../catalogues/institution-settings.service';
import { latestDistributionRecord } from '../distribution/distribution-store';

/**
 * What a process offers the tags, for a viewer: read through the secrecy policy (a process
 * the viewer may not see is 404; one it sees only as a cover masks its secret parties).
 */
export async function templateSource(
  db: EntityManager,
  viewer: { userId: string; now: Date },
  processId: string,
  documentNumber: number,
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
      visibility: 'full' | 'details' | 'none';
    }[]
  >(
    `SELECT p.number, p.origin_number, p.class_code, c.name AS class_name, p.subject_code, s.name AS subject_name,
            p.registered_at, cu.name AS creating_unit, u.name AS current_unit,
            ${visibilityByNumberSql('p', { user: '$2', now: '$3' })} AS visibility
       FROM processes p
       JOIN classes c ON c.code = p.class_code
       JOIN subjects s ON s.code = p.subject_code
       JOIN units cu ON cu.id = p.creating_unit_id
       JOIN units u ON u.id = p.unit_id
      WHERE p.id = $1`,
    [processId, viewer.userId, viewer.now],
  );
  if (!p || p.visibility === 'none') throw new NotFound('Processo não encontrado.');
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
    },
    documentNumber: String(documentNumber),
    today: localDate(viewer.now, timeZone),
    distribution: await latestDistributionRecord(db, processId),
    parties,
    authorSeesFull: p.visibility === 'full',
  };
}
