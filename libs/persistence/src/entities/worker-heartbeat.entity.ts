import { Column, Entity, PrimaryColumn } from 'typeorm';

export type WorkerMode = 'queue' | 'in-process';

/** Each worker's last sign of life, so any API replica can report it in /health. */
@Entity('worker_heartbeats')
export class WorkerHeartbeatEntity {
  @PrimaryColumn({ name: 'worker_id', type: 'text', primaryKeyConstraintName: 'PK_worker_heartbeats' })
  workerId: string;

  @Column({ type: 'text' })
  mode: WorkerMode;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;
}
