import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { QueryCounter } from './query-counter';

/**
 * What `pnpm bench` measures against (BENCH_ENDPOINTS, never in production): the cheapest
 * request the app can serve through the same guard, pipes and pool — every scenario is
 * reported as a ratio to it, measured in the same run, since absolute numbers on a shared
 * machine are noise — and the count of statements sent so far.
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
}
