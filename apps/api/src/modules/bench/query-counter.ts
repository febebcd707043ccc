import type { DataSource } from 'typeorm';

/**
 * Counts every statement the API sends to PostgreSQL, so `pnpm bench` can tell queries
 * per request (a constant count is what rules out N+1 reads). It wraps the query method
 * of pg's client class — every pooled connection, present and future — once per process.
 */
export class QueryCounter {
  private count = 0;

  static async attach(dataSource: DataSource): Promise<QueryCounter> {
    const counter = new QueryCounter();
    const pool = (dataSource.driver as unknown as { master: { connect(): Promise<PooledClient> } }).master;
    const client = await pool.connect();
    try {
      const prototype = Object.getPrototypeOf(client) as { query: (...args: unknown[]) => unknown };
      const query = prototype.query;
      prototype.query = function counted(this: unknown, ...args: unknown[]) {
        counter.count += 1;
        return query.apply(this, args);
      };
    } finally {
      client.release();
    }
    return counter;
  }

  get total(): number {
    return this.count;
  }
}

interface PooledClient {
  release(): void;
}
