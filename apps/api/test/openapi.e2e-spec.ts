import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildOpenApiDocument } from '../src/app.setup';
import { createTestApp, type TestApp } from './support/test-app';

const COMMITTED = join(__dirname, '../../../docs/openapi.json');

/** docs/openapi.json is the contract integrators read: it must be what the API serves. */
describe('docs/openapi.json', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(() => t.close());

  it('matches the document the API generates (pnpm openapi rewrites it)', async () => {
    const generated = `${JSON.stringify(buildOpenApiDocument(t.app), null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI === '1') await writeFile(COMMITTED, generated);
    const committed = await readFile(COMMITTED, 'utf8').catch(() => '');
    expect(committed).toBe(generated);
  });
});
