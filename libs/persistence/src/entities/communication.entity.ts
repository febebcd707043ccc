import type { CommunicationKind, CommunicationRoute } from '@acervo/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProcessEntity } from './process.entities';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';

/** An incoming citation or intimation, and where it was routed. */
@Entity('communications')
@Check('CHK_communications_kind', `"kind" IN ('CITATION', 'INTIMATION')`)
@Check('CHK_communications_route', `"route" IN ('CHIEF', 'ON_DUTY', 'RESPONSIBLE', 'SECRETARIA')`)
@Check('CHK_communications_routed_to_user', `("route" = 'SECRETARIA') = ("routed_to_user_id" IS NULL)`)
// Partial unique index (only integrators' ids), kept out of sync.
@Index('UQ_communications_external_id', { synchronize: false })
export class CommunicationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_communications' })
  id: string;

  @Column({ type: 'text' })
  kind: CommunicationKind;

  @Column({ type: 'boolean' })
  urgent: boolean;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_communications_unit' })
  unit?: UnitEntity;

  @Index('IDX_communications_process_id')
  @Column({ name: 'process_id', type: 'uuid' })
  processId: string;

  @ManyToOne(() => ProcessEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'process_id', foreignKeyConstraintName: 'FK_communications_process' })
  process?: ProcessEntity;

  @Column({ type: 'text' })
  route: CommunicationRoute;

  @Column({ name: 'routed_to_user_id', type: 'uuid', nullable: true })
  routedToUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'routed_to_user_id', foreignKeyConstraintName: 'FK_communications_routed_to_user' })
  routedToUser?: UserEntity | null;

  /** The process event that recorded it. */
  @Column({ name: 'event_sequence', type: 'integer' })
  eventSequence: number;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'received_by', type: 'uuid' })
  receivedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'received_by', foreignKeyConstraintName: 'FK_communications_received_by' })
  receiver?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
