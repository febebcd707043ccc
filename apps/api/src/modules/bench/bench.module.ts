import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BenchController } from './bench.controller';
import { QueryCounter } from './query-counter';

/** Imported only with BENCH_ENDPOINTS (see AppModule). */
@Module({
  controllers: [BenchController],
  providers: [{ provide: QueryCounter, inject: [DataSource], useFactory: (db: DataSource) => QueryCounter.attach(db) }],
})
export class BenchModule {}
