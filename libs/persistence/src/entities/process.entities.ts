import type { Location, SecrecyLevel } from '@acervo/domain';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  VersionColumn,
} from 'typeorm';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';

/** Counter behind process numbers, one row per unit code and year. */
@Entity('process_number_sequences')
export class ProcessNumberSequenceEntity {
  @PrimaryColumn({ name: 'unit_code', type: 'text', primaryKeyConstraintName: 'PK_process_number_sequences' })
  unitCode: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_process_number_sequences' })
  year: number;

  @Column({ name: 'last_value', type: 'integer' })
  lastValue: number;
}

/** Procedimento: a case of the office, wherever it currently is. */
@Entity('processes')
@Unique('UQ_processes_number', ['number'])
@Check('CHK_processes_secrecy_level', '"secrecy_level" BETWEEN 0 AND 5')
@Check('CHK_processes_location', `"location" IN ('SECRETARIA', 'CONCLUSO', 'EXTERNAL', 'ARCHIVED', 'ATTACHED')`)
@Check('CHK_processes_holder', `("location" = 'CONCLUSO') = ("holder_id" IS NOT NULL)`)
// Box, search and responsibility indexes (descending and partial ones) are the migration's.
@Index('IDX_processes_box_unit', { synchronize: false })
@Index('IDX_processes_box_holder', { synchronize: false })
@Index('IDX_processes_responsible', { synchronize: false })
@Index('IDX_processes_waiting_holder', { synchronize: false })
@Index('IDX_processes_waiting_unit', { synchronize: false })
@Index('IDX_processes_search', { synchronize: false })
@Index('IDX_processes_principal', { synchronize: false })
@Index('IDX_processes_registered', { synchronize: false })
export class ProcessEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_processes' })
  id: string;

  /** `{unitCode}.{year}.{sequential}`. */
  @Column({ type: 'text' })
  number: string;

  @Column({ name: 'class_code', type: 'text' })
  classCode: string;

  @Column({ name: 'subject_code', type: 'text' })
  subjectCode: string;

  /** Ementa: short, without party names. */
  @Column({ type: 'text' })
  summary: string;

  /** The court's CNJ number of a judicial process, or another origin reference. */
  @Column({ name: 'origin_number', type: 'text', nullable: true })
  originNumber: string | null;

  @Column({ name: 'creating_unit_id', type: 'uuid' })
  creatingUnitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'creating_unit_id', foreignKeyConstraintName: 'FK_processes_creating_unit' })
  creatingUnit?: UnitEntity;

  /** The unit where the process is now: "unit users" are judged here. */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_processes_unit' })
  unit?: UnitEntity;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  @Column({ name: 'registered_by', type: 'uuid' })
  registeredBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'registered_by', foreignKeyConstraintName: 'FK_processes_registered_by' })
  registrar?: UserEntity;

  /** Registered from the inventory of an older procedure. */
  @Column({ name: 'old_process', type: 'boolean', default: false })
  oldProcess: boolean;

  @Column({ name: 'instaurated_on', type: 'date', nullable: true })
  instauratedOn: string | null;

  @Column({ type: 'boolean', default: false })
  priority: boolean;

  @Column({ name: 'secrecy_level', type: 'smallint', default: 0 })
  secrecyLevel: SecrecyLevel;

  @Column({ name: 'responsible_member_id', type: 'uuid', nullable: true })
  responsibleMemberId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'responsible_member_id', foreignKeyConstraintName: 'FK_processes_responsible_member' })
  responsibleMember?: UserEntity | null;

  @Column({ type: 'text', default: 'SECRETARIA' })
  location: Location;

  /** The user it is concluso to. */
  @Column({ name: 'holder_id', type: 'uuid', nullable: true })
  holderId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'holder_id', foreignKeyConstraintName: 'FK_processes_holder' })
  holder?: UserEntity | null;

  /** When it arrived where it is (box order). */
  @Column({ name: 'located_at', type: 'timestamptz' })
  locatedAt: Date;

  @Column({ name: 'external_organ', type: 'text', nullable: true })
  externalOrgan: string | null;

  /** The principal process this one is attached (anexado) to. */
  @Column({ name: 'principal_id', type: 'uuid', nullable: true })
  principalId: string | null;

  @ManyToOne(() => ProcessEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'principal_id', foreignKeyConstraintName: 'FK_processes_principal' })
  principal?: ProcessEntity | null;

  /** Chave do processo: with the number, opens a level-1 process in public consultation. */
  @Column({ name: 'access_key', type: 'text', select: false })
  accessKey: string;

  @Column({ name: 'event_count', type: 'integer', default: 0 })
  eventCount: number;

  /**
   * Summary of the running deadlines, kept by a trigger on `deadlines` so the boxes read
   * columns, not subqueries: the latest due time of the waiting ones (Em espera while it
   * is ahead), the soonest of all, whether an internal one runs, and how many run.
   */
  @Column({ name: 'waiting_until', type: 'timestamptz', nullable: true })
  waitingUntil: Date | null;

  @Column({ name: 'next_due_at', type: 'timestamptz', nullable: true })
  nextDueAt: Date | null;

  @Column({ name: 'internal_deadline', type: 'boolean', default: false })
  internalDeadline: boolean;

  /** How many run: the Prazos count sums these instead of joining every deadline. */
  @Column({ name: 'open_deadlines', type: 'integer', default: 0 })
  openDeadlines: number;

  /** Portuguese full-text document of summary and non-secret parties. */
  @Column({ type: 'tsvector', select: false })
  search: string;

  @VersionColumn()
  version: number;
}

@Entity('process_parties')
export class ProcessPartyEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_process_parties' })
  id: string;

  @Index('IDX_process_parties_process_id')
  @Column({ name: 'process_id', type: 'uuid' })
  processId: string;

  @ManyToOne(() => ProcessEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'process_id', foreignKeyConstraintName: 'FK_process_parties_process' })
  process?: ProcessEntity;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  name: string;

  /** Representante, Investigado, Vítima, … */
  @Column({ type: 'text' })
  type: string;

  /** CPF or CNPJ, digits only. */
  @Column({ type: 'text', nullable: true })
  document: string | null;

  /** Interessado sigiloso: "Parte sigilosa" to anyone without full content. */
  @Column({ type: 'boolean', default: false })
  secret: boolean;
}

/** Movimento: one numbered, immutable entry of a process's history. */
@Entity('process_events')
@Unique('UQ_process_events_sequence', ['processId', 'sequence'])
// The RAF's reads (migration Raf): a member's events by time, a process's events by time.
@Index('IDX_process_events_actor', { synchronize: false })
@Index('IDX_process_events_process_time', { synchronize: false })
export class ProcessEventEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_process_events' })
  id: string;

  @Column({ name: 'process_id', type: 'uuid' })
  processId: string;

  @ManyToOne(() => ProcessEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'process_id', foreignKeyConstraintName: 'FK_process_events_process' })
  process?: ProcessEntity;

  @Column({ type: 'integer' })
  sequence: number;

  /** Code of the movement taxonomy. */
  @Column({ type: 'text' })
  code: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'FK_process_events_actor' })
  actor?: UserEntity | null;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_process_events_unit' })
  unit?: UnitEntity;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  @Column({ name: 'document_ids', type: 'uuid', array: true, default: () => "'{}'" })
  documentIds: string[];
}

/** Who (or which Secretaria, holder null) had a process, from when until when. */
@Entity('process_custody')
@Index('IDX_process_custody_outbox', { synchronize: false })
@Index('IDX_process_custody_unit_outbox', { synchronize: false })
export class ProcessCustodyEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_process_custody' })
  id: string;

  @Index('IDX_process_custody_process_id')
  @Column({ name: 'process_id', type: 'uuid' })
  processId: string;

  @ManyToOne(() => ProcessEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'process_id', foreignKeyConstraintName: 'FK_process_custody_process' })
  process?: ProcessEntity;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_process_custody_unit' })
  unit?: UnitEntity;

  @Column({ name: 'holder_id', type: 'uuid', nullable: true })
  holderId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'holder_id', foreignKeyConstraintName: 'FK_process_custody_holder' })
  holder?: UserEntity | null;

  @Column({ name: 'from_at', type: 'timestamptz' })
  fromAt: Date;

  @Column({ name: 'to_at', type: 'timestamptz', nullable: true })
  toAt: Date | null;
}
