import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One change to organisation or catalogue data: who, when, what, and the record before
 * and after (null before a creation, null after a removal).
 */
@Entity('audit_records')
@Index('IDX_audit_records_entity', ['entityType', 'entityId'])
@Index('IDX_audit_records_created_at', ['createdAt'])
export class AuditRecordEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_audit_records' })
  id: string;

  /** Null only for changes made by the system itself (bootstrap, seeds). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  /** e.g. `user.created`, `class.updated`. */
  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Column({ name: 'entity_id', type: 'text' })
  entityId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
