import { PROFILES, processVisibility, SECRECY_LEVELS, type SecrecyLevel, type Viewer } from '@acervo/domain';
import { createTestDatabase, type TestDatabase } from '@acervo/testing';
import type { DataSource } from 'typeorm';
import { createDataSource, fullContentSql, visibilityByNumberSql } from '../src';

/**
 * The two faces of the secrecy policy — processVisibility in memory, fullContentSql in
 * the database — give the same answer for every profile, unit relation and level.
 */
describe('secrecy policy: SQL face = in-memory face', () => {
  let db: TestDatabase;
  let sut: DataSource;
  const viewers: Viewer[] = [];
  const processes: { id: string; unitId: string; secrecyLevel: SecrecyLevel; responsibleMemberId: string | null }[] =
    [];

  beforeAll(async () => {
    db = await createTestDatabase();
    sut = createDataSource({ url: db.url, poolSize: 2 });
    await sut.initialize();
    const unit = async (code: string) =>
      (
        await sut.query(
          `INSERT INTO units (code, name, kind, city, uf, version)
          VALUES ($1, $1, 'PROSECUTION_OFFICE', 'Maceió', 'AL', 1) RETURNING id`,
          [code],
        )
      )[0].id as string;
    const [home, away] = [await unit('H1'), await unit('A1')];
    let n = 0;
    const user = async (assignments: Viewer['assignments']) => {
      const [{ id }] = await sut.query(
        `INSERT INTO users (username, full_name, email, version) VALUES ($1, 'X', 'x@x', 1) RETURNING id`,
        [`u${++n}`],
      );
      for (const a of assignments) {
        await sut.query(`INSERT INTO assignments (user_id, unit_id, profile) VALUES ($1, $2, $3)`, [
          id,
          a.unitId,
          a.profile,
        ]);
      }
      viewers.push({ userId: id, assignments });
      return id as string;
    };
    for (const profile of PROFILES) {
      const unitId = profile === 'ADMIN' ? null : home;
      await user([{ unitId, profile }]);
      if (profile !== 'ADMIN') await user([{ unitId: away, profile }]);
    }
    await user([]);
    await user([
      { unitId: home, profile: 'INTERN' },
      { unitId: away, profile: 'MEMBER' },
    ]);
    const responsible = viewers.find((v) => v.assignments[0]?.profile === 'MEMBER')!.userId;
    for (const level of SECRECY_LEVELS) {
      for (const responsibleMemberId of [responsible, null]) {
        const [{ id }] = await sut.query(
          `INSERT INTO processes (number, class_code, subject_code, summary, creating_unit_id, unit_id, registered_at,
             registered_by, secrecy_level, responsible_member_id, located_at, access_key, search, version)
           VALUES ($1, 'NF', '1', 'resumo', $2, $2, now(), $3, $4, $5, now(), 'k', ''::tsvector, 1) RETURNING id`,
          [`H1.2026.${processes.length + 1}`, home, responsible, level, responsibleMemberId],
        );
        processes.push({ id, unitId: home, secrecyLevel: level, responsibleMemberId });
      }
    }
  });

  afterAll(async () => {
    await sut.destroy();
    await db.drop();
  });

  it('agrees on full content for every viewer and process', async () => {
    for (const viewer of viewers) {
      const rows = await sut.query<{ id: string }[]>(
        `SELECT p.id FROM processes p WHERE ${fullContentSql('p', '$1')}`,
        [viewer.userId],
      );
      const inSql = new Set(rows.map((r) => r.id));
      for (const p of processes) {
        expect({ viewer, p, full: inSql.has(p.id) }).toEqual({
          viewer,
          p,
          full: processVisibility(viewer, p) === 'full',
        });
      }
    }
  });

  it('agrees on what an exact number shows', async () => {
    for (const viewer of viewers) {
      const rows = await sut.query<{ id: string; v: string }[]>(
        `SELECT p.id, ${visibilityByNumberSql('p', '$1')} AS v FROM processes p`,
        [viewer.userId],
      );
      for (const row of rows) {
        const p = processes.find((x) => x.id === row.id)!;
        expect({ viewer, p, v: row.v }).toEqual({ viewer, p, v: processVisibility(viewer, p, 'exact_number') });
      }
    }
  });
});
