import request from 'supertest';
import { AuthFlow } from './support/auth-flow';
import { createTestApp, type TestApp } from './support/test-app';

/** `pnpm bench`'s baseline and query counter, the soak's memory: closed unless BENCH_ENDPOINTS, and behind the guard. */
describe('benchmark endpoints', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(() => t.close());

  it('do not exist by default', async () => {
    const { token } = await new AuthFlow(t).signedInUser();
    await t.http().get('/api/v1/bench/baseline').auth(token, { type: 'bearer' }).expect(404);
    await t.http().get('/api/v1/bench/queries').auth(token, { type: 'bearer' }).expect(404);
    await t.http().get('/api/v1/bench/memory').auth(token, { type: 'bearer' }).expect(404);
  });

  it('with BENCH_ENDPOINTS: SELECT 1 through the same guard, and the statements counted', async () => {
    const bench = await t.boot({ BENCH_ENDPOINTS: 'true' });
    const http = () => request(bench.getHttpServer());
    await http().get('/api/v1/bench/baseline').expect(401);
    const { token } = await new AuthFlow(t).signedInUser();
    const before = (await http().get('/api/v1/bench/queries').auth(token, { type: 'bearer' }).expect(200)).body.total;
    expect((await http().get('/api/v1/bench/baseline').auth(token, { type: 'bearer' }).expect(200)).body).toEqual({
      one: 1,
    });
    const after = (await http().get('/api/v1/bench/queries').auth(token, { type: 'bearer' }).expect(200)).body.total;
    // The guard's session check and the SELECT 1, at least.
    expect(after - before).toBeGreaterThanOrEqual(2);
    await http().get('/api/v1/bench/memory').expect(401);
    const memory = (await http().get('/api/v1/bench/memory').auth(token, { type: 'bearer' }).expect(200)).body;
    // jest runs without --expose-gc: the figures, uncollected.
    expect(memory).toMatchObject({ heapUsed: expect.any(Number), rss: expect.any(Number), collected: false });
  });
});
