import { dueAt, MOVEMENTS } from '@acervo/domain';
import type { EntityManager } from 'typeorm';
import { openLegalDeadline, unitCalendar } from '../modules/deadlines/deadline-store';

const SUMMARIES = [
  'Irregularidades no fornecimento de merenda escolar',
  'Cobrança indevida de tarifa de água',
  'Poluição sonora em estabelecimento comercial',
  'Falta de medicamentos na unidade básica de saúde',
  'Obra pública paralisada sem justificativa',
  'Acessibilidade em prédio público',
  'Despejo irregular de esgoto em curso d’água',
  'Contratação sem licitação pela prefeitura',
  'Transporte escolar em condições precárias',
  'Atraso no pagamento de servidores municipais',
];
const CLASSES = ['NF', 'NF', 'NF', 'PP', 'IC', 'PIC', 'PA'];
const SUBJECTS = ['9997', '10432', '10110', '11806', '10028', '10288', '10111', '10011', '5894', '10012'];

interface DemoProcess {
  id: string;
  unit_id: string;
  class_code: string;
  location: string;
  holder_id: string | null;
  registered_at: Date;
}

/**
 * A few hundred processes for a demo unit, numbered as registration numbers them, each
 * with its Registro event and its custody: mostly in the Secretaria, some concluso to the
 * unit's member, some archived, a few with priority or at level 1. Added only to a unit
 * that has none, so a second run adds nothing.
 */
export async function seedDemoProcesses(
  tx: EntityManager,
  unit: { id: string; code: string },
  registrarId: string,
  memberId: string,
  year: number,
  count: number,
): Promise<number> {
  if ((await tx.query(`SELECT 1 FROM processes WHERE creating_unit_id = $1 LIMIT 1`, [unit.id])).length) return 0;
  const rows = await tx.query<DemoProcess[]>(
    `INSERT INTO processes (number, class_code, subject_code, summary, creating_unit_id, unit_id, registered_at,
       registered_by, priority, secrecy_level, location, holder_id, located_at, access_key, event_count, version)
     SELECT $1 || '.' || $2 || '.' || lpad(i::text, 6, '0'),
            ($5::text[])[1 + i % array_length($5::text[], 1)],
            ($6::text[])[1 + i % array_length($6::text[], 1)],
            ($7::text[])[1 + i % array_length($7::text[], 1)],
            $3, $3, now() - ((${count} - i) || ' hours')::interval, $4,
            i % 17 = 0, CASE WHEN i % 11 = 0 THEN 1 ELSE 0 END,
            CASE WHEN i % 10 < 6 THEN 'SECRETARIA' WHEN i % 10 < 9 THEN 'CONCLUSO' ELSE 'ARCHIVED' END,
            CASE WHEN i % 10 BETWEEN 6 AND 8 THEN $8::uuid END,
            now() - ((${count} - i) || ' hours')::interval,
            upper(substr(md5(random()::text || i), 1, 16)), 1, 1 -- demo keys; registration uses a CSPRNG
       FROM generate_series(1, ${count}) i
     RETURNING id, unit_id, class_code, location, holder_id, registered_at`,
    [unit.code, String(year), unit.id, registrarId, CLASSES, SUBJECTS, SUMMARIES, memberId],
  );
  await tx.query(
    `INSERT INTO process_number_sequences (unit_code, year, last_value) VALUES ($1, $2, $3)
     ON CONFLICT (unit_code, year) DO UPDATE SET last_value = greatest(process_number_sequences.last_value, $3)`,
    [unit.code, year, count],
  );
  await tx.query(
    `INSERT INTO process_events (process_id, sequence, code, actor_id, unit_id, occurred_at, details)
     SELECT p.id, 1, $2, $3, p.unit_id, p.registered_at, jsonb_build_object('classCode', p.class_code, 'source', 'seed:demo')
       FROM processes p WHERE p.id = ANY($1::uuid[])`,
    [rows.map((r) => r.id), MOVEMENTS.REGISTERED.code, registrarId],
  );
  await tx.query(
    `INSERT INTO process_custody (process_id, unit_id, holder_id, from_at, to_at)
     SELECT p.id, p.unit_id, p.holder_id, p.located_at, CASE WHEN p.location = 'ARCHIVED' THEN p.located_at END
       FROM processes p WHERE p.id = ANY($1::uuid[])`,
    [rows.map((r) => r.id)],
  );
  await seedDemoDeadlines(tx, rows, registrarId);
  return rows.length;
}

/**
 * Deadlines as the office would have them: every open process runs its class's legal
 * term from its registration; one in four of those concluso to the member waits on an
 * internal deadline — some already past due, so Em espera, the inbox flag and Prazos all
 * have something to show. (The worker records those expiries on its first sweep.)
 */
async function seedDemoDeadlines(tx: EntityManager, rows: DemoProcess[], registrarId: string): Promise<void> {
  const open = rows.filter((r) => r.location !== 'ARCHIVED');
  if (!open.length) return;
  // One unit: one calendar, holidays from the earliest registration on.
  const earliest = new Date(Math.min(...open.map((r) => r.registered_at.getTime())));
  const calendar = await unitCalendar(tx, open[0].unit_id, earliest);
  for (const r of open) {
    await openLegalDeadline(
      tx,
      { processId: r.id, classCode: r.class_code, actorId: registrarId },
      r.registered_at,
      calendar,
    );
  }
  const waiting = open.filter((r) => r.holder_id).filter((_, i) => i % 4 === 0);
  for (const [i, r] of waiting.entries()) {
    const due = dueAt(new Date(), { days: (i % 3) * 10 - 5 }, calendar);
    await tx.query(
      `INSERT INTO deadlines (process_id, kind, description, wait, starts_at, due_at, created_by, created_at)
       VALUES ($1, 'INTERNAL', 'Resposta ao ofício expedido', true, $2, $3, $4, $2)`,
      [r.id, r.registered_at, due, r.holder_id],
    );
  }
}
