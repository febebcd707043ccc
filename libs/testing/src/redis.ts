import { findOnPath } from '@acervo/runtime';
import { RedisMemoryServer } from 'redis-memory-server';

/**
 * A real Redis for the run. redis-memory-server would download and build Redis by
 * itself, which these machines cannot; it is pointed at a system redis-server instead.
 */
export async function startTestRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const systemBinary = process.env.REDISMS_SYSTEM_BINARY || findOnPath('redis-server');
  if (!systemBinary) {
    throw new Error(
      'No Redis for the tests: install it (apt-get install -y redis-server) or set REDISMS_SYSTEM_BINARY to a redis-server binary.',
    );
  }
  const server = await RedisMemoryServer.create({ binary: { systemBinary } });
  const url = `redis://${await server.getHost()}:${await server.getPort()}`;
  return { url, stop: async () => void (await server.stop()) };
}
