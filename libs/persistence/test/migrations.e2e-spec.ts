import { createEmptyDatabase, type TestDatabase } from '@acervo/testing';
import type { DataSource } from 'typeorm';
import { createDataSource, MIGRATIONS, revertLastMigration, runMigrations, schemaDrift } from '../src';

describe('migrations', () => {
  let db: TestDatabase;
  let sut: DataSource;

  const tables = async () =>
    (
      await sut.query<{ table_name: string }[]>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
      )
    ).map((r) => r.table_name);

  beforeAll(async () => {
    db = await createEmptyDatabase();
    sut = createDataSource({ url: db.url, poolSize: 2 });
    await sut.initialize();
  });

  afterAll(async () => {
    await sut.destroy();
    await db.drop();
  });

  it('apply in order on an empty database, and a second run applies nothing', async () => {
    expect(await runMigrations(sut)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await runMigrations(sut)).toEqual([]);
  });

  it('leave the schema exactly as the entities describe it (no drift)', async () => {
    expect(await schemaDrift(sut)).toEqual([]);
  });

  it('are reversible: every down leaves the database as before its up', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await revertLastMigration(sut);
    expect(await tables()).toEqual([]);
    await runMigrations(sut);
    expect(await schemaDrift(sut)).toEqual([]);
  });

  it('serialise concurrent runners (replicas booting together)', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await revertLastMigration(sut);
    const other = createDataSource({ url: db.url, poolSize: 2 });
    await other.initialize();
    try {
      const [a, b] = await Promise.all([runMigrations(sut), runMigrations(other)]);
      expect([...a, ...b].sort()).toEqual(MIGRATIONS.map((m) => m.name).sort());
    } finally {
      await other.destroy();
    }
  });
});
