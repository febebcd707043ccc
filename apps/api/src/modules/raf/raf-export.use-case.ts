import { createHash, type Hash, randomUUID } from 'node:crypto';
import {
  type Clock,
  rafEventElements,
  type RafFileTotal,
  rafFileBody,
  rafFileHead,
  rafFileTail,
  rafWarnings,
} from '@acervo/domain';
import { RafEventsStore } from '@acervo/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InjectClock } from '../../common/app-config';
import type { Actor } from '../../common/auth/actor';
import type { RafExportDto } from './dto/raf.dto';
import { activityRows } from './raf-activities';
import { earlierExports, rafMonth } from './raf-member';

/** Events fetched from the cursor at a time, and bytes kept before a part is written: what bounds memory. */
const EVENT_BATCH = 5_000;
const PART_BYTES = 1024 * 1024;

/**
 * Exports a member's month as XML valid against docs/raf.xsd (DOMAIN §8), streaming: the
 * events come from one server-side cursor a batch at a time, each batch is written as one
 * string (libs/domain's RAF markup), hashed as it goes and stored in parts — memory stays
 * flat however long the month.
 *
 * One snapshot: a session advisory lock per member and month is taken first (so a second
 * export, waiting for it, then sees the first as earlier), then a REPEATABLE READ
 * transaction reads the month as of one instant and writes the export, its parts and its
 * hash — all or nothing.
 */
@Injectable()
export class ExportRaf {
  constructor(
    private readonly dataSource: DataSource,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async run(actor: Actor, month: string): Promise<RafExportDto> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const lock = [`raf:${actor.userId}:${month}`];
    try {
      await runner.query(`SELECT pg_advisory_lock(hashtext($1))`, lock);
      await runner.startTransaction('REPEATABLE READ');
      try {
        const result = await this.write(runner.manager, actor, month);
        await runner.commitTransaction();
        return result;
      } catch (e) {
        await runner.rollbackTransaction();
        throw e;
      }
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, lock).catch(() => undefined);
      await runner.release();
    }
  }

  private async write(tx: EntityManager, actor: Actor, month: string): Promise<RafExportDto> {
    const member = await rafMonth(tx, this.clock, actor, month);
    const [person] = await tx.query<{ full_name: string; registration_number: string | null; cpf: string | null }[]>(
      `SELECT full_name, registration_number, cpf FROM users WHERE id = $1`,
      [member.id],
    );
    const earlier = await earlierExports(tx, member.id, month);
    const id = randomUUID();
    const generatedAt = this.clock.now();
    await tx.query(
      `INSERT INTO raf_exports (id, member_id, month, generated_at, sha256, size, event_count, activity_count, reexport)
       VALUES ($1, $2, $3, $4, '', 0, 0, 0, $5)`,
      [id, member.id, month, generatedAt, earlier.length > 0],
    );
    const activities = await activityRows(tx, member.id, member.from, member.to, member.timeZone);

    const sink = new PartSink(tx, id);
    sink.push(
      rafFileHead({
        exportId: id,
        generatedAt,
        month,
        reexport: earlier.length > 0,
        member: {
          id: member.id,
          registrationNumber: person.registration_number,
          cpf: person.cpf,
          name: person.full_name,
        },
      }),
    );
    // The totals are counted from the events as they are written, so they add up to exactly
    // what the file lists — one small map per movement and unit.
    const totals = new Map<string, RafFileTotal>();
    let written = 0;
    for await (const batch of new RafEventsStore(tx).inOrder(member, EVENT_BATCH)) {
      sink.push(rafEventElements(batch));
      for (const e of batch) {
        const key = `${e.movementCode}|${e.unitCode}`;
        const total = totals.get(key) ?? { movementCode: e.movementCode, unitCode: e.unitCode, count: 0 };
        total.count += 1;
        totals.set(key, total);
      }
      written += batch.length;
      await sink.flushIfFull();
    }
    const ordered = [...totals.values()].sort(
      (a, b) => compare(a.movementCode, b.movementCode) || compare(a.unitCode, b.unitCode),
    );
    sink.push(rafFileBody(written, ordered, activities));
    sink.push(rafFileTail(sink.hashSoFar()));
    await sink.flush();

    const hash = sink.hash();
    await tx.query(
      `UPDATE raf_exports SET sha256 = $2, size = $3, event_count = $4, activity_count = $5 WHERE id = $1`,
      [id, hash, sink.size, written, activities.length],
    );
    return {
      id,
      month,
      generatedAt: generatedAt.toISOString(),
      hash,
      size: sink.size,
      eventCount: written,
      activityCount: activities.length,
      reexport: earlier.length > 0,
      earlierExportIds: earlier,
      warnings: rafWarnings(person.registration_number),
    };
  }
}

/** Collects the file's chunks, hashes them, and writes them as numbered parts. */
class PartSink {
  private readonly digest: Hash = createHash('sha256');
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private seq = 0;
  private finished?: string;
  size = 0;

  constructor(
    private readonly tx: EntityManager,
    private readonly exportId: string,
  ) {}

  push(chunk: string): void {
    const bytes = Buffer.from(chunk, 'utf8');
    this.digest.update(bytes);
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    this.size += bytes.length;
  }

  /** The SHA-256 of the bytes pushed so far (the file's digest goes on). */
  hashSoFar(): string {
    return this.digest.copy().digest('hex');
  }

  async flushIfFull(): Promise<void> {
    if (this.pendingBytes >= PART_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.pendingBytes) return;
    const data = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    await this.tx.query(`INSERT INTO raf_export_parts (export_id, seq, data) VALUES ($1, $2, $3)`, [
      this.exportId,
      this.seq++,
      data,
    ]);
  }

  hash(): string {
    this.finished ??= this.digest.digest('hex');
    return this.finished;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
