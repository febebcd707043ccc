import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { QueryCounter } from './query-counter';

/**
 * What `pnpm bench` measures against (BENCH_ENDPOINTS, never in production): the cheapest
 * request the app can serve through the same guard, pipes and pool — every scenario is
 * reported as a ratio to it, measured in the same run, since absolute numbers on a shared
 * machine are noise — the count of statements sent so far, and the memory the soak watches.
 */
@ApiExcludeController()
@Controller('bench')
export class BenchController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(QueryCounter) private readonly counter: QueryCounter,
  ) {}

  @Authenticated()
  @Get('baseline')
  async baseline(): Promise<{ one: number }> {
    const [row] = await this.dataSource.query<{ one: number }[]>('SELECT 1 AS one');
    return row;
  }

  @Authenticated()
  @Get('queries')
  queries(): { total: number } {
    return { total: this.counter.total };
  }

  /**
   * The process's memory, after a full garbage collection when node runs with --expose-gc:
   * what is still reachable, which a leak makes grow (RSS alone swings with the collector).
   */
  @Authenticated()
  @Get('memory')
  memory(): NodeJS.MemoryUsage & { collected: boolean } {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    return { ...process.memoryUsage(), collected: gc !== undefined };
  }
}
