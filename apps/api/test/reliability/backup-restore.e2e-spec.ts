import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { AuthFlow } from '../support/auth-flow';
import { createUnit } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';
import { client, httpOf, nf } from './support/office';
import { systemPostgres, withDatabase } from './support/own-services';

/** Row count and an md5 of every row, per table. */
function checksums(url: string): Promise<Record<string, string>> {
  return withDatabase(url, async (db) => {
    const tables = await db.query<{ name: string }[]>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    const out: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await db.query<{ n: string; h: string | null }[]>(
        `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM ${name} t`,
      );
      out[name] = `${row.n}:${row.h}`;
    }
    return out;
  });
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

/**
 * Issue 14, item 7: the backup procedure of docs/reliability.md, run. A populated database
 * is dumped with pg_dump (custom format) and restored with pg_restore into a new database;
 * the API on the restored one reads the same processes, events and documents, byte for byte.
 */
describe('backup and restore with pg_dump and pg_restore', () => {
  let pg: Awaited<ReturnType<typeof systemPostgres>>;
  let t: TestApp;

  beforeAll(async () => {
    pg = await systemPostgres('backup');
    t = await createTestApp({ DATABASE_URL: pg.url, AUTH_RATE_LIMIT_PER_MINUTE: '100000' });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await pg?.remove();
  });

  it('the API on the restored database reads the same processes, events and documents', async () => {
    const flow = new AuthFlow(t);
    const unitId = (await createUnit(t)).id;
    const clerk = await flow.signedInUser({ profile: 'CHIEF', unitId, secretaria: true });
    const member = await flow.signedInUser({ profile: 'MEMBER', unitId });
    const [asClerk, asMember] = [client(t.http, clerk.token), client(t.http, member.token)];

    const processIds: string[] = [];
    const documentIds: string[] = [];
    for (let i = 0; i < 6; i++) {
      const p = (
        await asClerk
          .post('/processes', {
            ...nf(unitId, `Representação ${i}: obra inacabada na escola`),
            parties: [{ name: "Maria D'Ávila", type: 'Representante' }],
          })
          .expect(201)
      ).body;
      processIds.push(p.id);
      await asClerk.post(`/processes/${p.id}/conclude`, { version: 1, userId: member.id }).expect(200);
      const draft = await asMember
        .post(`/processes/${p.id}/documents`, {
          typeCode: 'DESPACHO',
          title: `Despacho ${i}`,
          content: '<p>Vistos. Oficie-se à Secretaria de Educação — prazo de 10 dias.</p>',
        })
        .expect(201);
      await asMember.post(`/documents/${draft.body.id}/sign`, { version: draft.body.version }).expect(200);
      await asMember.post(`/processes/${p.id}/deadlines`, { description: 'Resposta ao ofício', days: 10 }).expect(201);
      const pdf = await asMember
        .upload(`/processes/${p.id}/documents/upload`)
        .field('typeCode', 'OFICIO')
        .field('title', `Ofício recebido ${i}`)
        .attach('file', PDF, { filename: 'oficio.pdf', contentType: 'application/pdf' })
        .expect(201);
      documentIds.push(draft.body.id, pdf.body.id);
    }

    /** What a user sees, through the API of the given node. */
    const snapshot = async (app: INestApplication, token: string) => {
      const as = client(httpOf(app), token);
      const views = [];
      for (const id of processIds) {
        views.push((await as.get(`/processes/${id}`).expect(200)).body);
        views.push((await as.get(`/processes/${id}/events?limit=200`).expect(200)).body);
        views.push((await as.get(`/processes/${id}/documents`).expect(200)).body);
      }
      for (const id of documentIds) {
        views.push((await as.get(`/documents/${id}`).expect(200)).body);
        const content = await as.get(`/documents/${id}/content`).buffer(true).expect(200);
        views.push({
          type: content.headers['content-type'],
          bytes: Buffer.from(content.text ?? content.body).toString('base64'),
        });
      }
      views.push((await as.get('/boxes/inbox?limit=200').expect(200)).body);
      views.push((await as.get('/boxes/deadlines?limit=200').expect(200)).body);
      return views;
    };
    const before = await snapshot(t.app, member.token);

    // The procedure of docs/reliability.md: dump, then restore into an empty database.
    const dump = join(pg.dir, 'acervo.dump');
    execFileSync(join(pg.bin, 'pg_dump'), ['--format=custom', '--file', dump, '-d', pg.urlFor('acervo')]);
    await withDatabase(pg.urlFor('postgres'), (db) => db.query('CREATE DATABASE acervo_restored'));
    execFileSync(join(pg.bin, 'pg_restore'), [
      '--exit-on-error',
      '--no-owner',
      '-d',
      pg.urlFor('acervo_restored'),
      dump,
    ]);

    // The two databases hold the same rows, table by table.
    expect(await checksums(pg.urlFor('acervo_restored'))).toEqual(await checksums(pg.urlFor('acervo')));

    // A fresh API on the restored database (its migrations on start find nothing to do).
    const restored = await t.boot({ DATABASE_URL: pg.urlFor('acervo_restored') });
    expect(await snapshot(restored, member.token)).toEqual(before);

    // It keeps working: a full sign-in, and a new process numbered after the last.
    const onRestored = new AuthFlow({ ...t, http: httpOf(restored) });
    const session = await onRestored.signIn(member.username, member.password, member.secret);
    const next = await client(httpOf(restored), session.accessToken).post('/processes', nf(unitId)).expect(201);
    expect(Number(next.body.number.split('.')[2])).toBe(processIds.length + 1);
  }, 180_000);
});
