import type { DurationUnit, SecrecyAssignmentTable } from '@acervo/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** Columns every coded catalogue shares: a code that never changes, a name, an active flag. */
abstract class CodedCatalogueEntity {
  @Column({ type: 'text' })
  name: string;

  /** Inactive entries stay for history but are no longer offered. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

export const CLASS_KINDS = ['EXTRAJUDICIAL', 'JUDICIAL'] as const;
export type ClassKind = (typeof CLASS_KINDS)[number];

/** Classe: NF, PP, IC, PIC, PA and the judicial classes. */
@Entity('classes')
export class ClassEntity extends CodedCatalogueEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_classes' })
  code: string;

  @Column({ type: 'text' })
  kind: ClassKind;
}

/** Assunto, from a coded (TPU-like) table, optionally under a parent subject. */
@Entity('subjects')
export class SubjectEntity extends CodedCatalogueEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_subjects' })
  code: string;

  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode: string | null;

  @ManyToOne(() => SubjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_code', foreignKeyConstraintName: 'FK_subjects_parent' })
  parent?: SubjectEntity | null;
}

/** Tabela de movimentos: the codes events carry. */
@Entity('movement_types')
export class MovementTypeEntity extends CodedCatalogueEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_movement_types' })
  code: string;

  /** Recorded by a person with "Movimentar"; false: written only by its own operation. */
  @Column({ type: 'boolean', default: true })
  manual: boolean;
}

/** Tipo de documento; decisory ones are shown in public consultation. */
@Entity('document_types')
export class DocumentTypeEntity extends CodedCatalogueEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_document_types' })
  code: string;

  @Column({ type: 'boolean', default: false })
  decisory: boolean;
}

/** Prazo legal of a class (DOMAIN §6). */
@Entity('legal_deadline_rules')
export class LegalDeadlineRuleEntity {
  @PrimaryColumn({ name: 'class_code', type: 'text', primaryKeyConstraintName: 'PK_legal_deadline_rules' })
  classCode: string;

  @OneToOne(() => ClassEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'class_code', foreignKeyConstraintName: 'FK_legal_deadline_rules_class' })
  class?: ClassEntity;

  @Column({ name: 'duration_amount', type: 'integer' })
  durationAmount: number;

  @Column({ name: 'duration_unit', type: 'text' })
  durationUnit: DurationUnit;

  @Column({ name: 'extension_amount', type: 'integer', nullable: true })
  extensionAmount: number | null;

  @Column({ name: 'extension_unit', type: 'text', nullable: true })
  extensionUnit: DurationUnit | null;

  /** Null: as often as justified. */
  @Column({ name: 'max_extensions', type: 'integer', nullable: true })
  maxExtensions: number | null;

  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis: string;
}

export const HOLIDAY_SCOPES = ['NATIONAL', 'STATE', 'MUNICIPAL'] as const;
export type HolidayScope = (typeof HOLIDAY_SCOPES)[number];

/** Feriado: a day deadlines do not fall on. */
@Entity('holidays')
// One holiday per date and place (expression index over the nullable uf/city).
@Index('UQ_holidays_date_place', { synchronize: false })
@Index('IDX_holidays_date', ['date'])
export class HolidayEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_holidays' })
  id: string;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  scope: HolidayScope;

  @Column({ type: 'char', length: 2, nullable: true })
  uf: string | null;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** The one row of institution settings. */
@Entity('institution_settings')
@Check('CHK_institution_settings_single', '"id" = 1')
export class InstitutionSettingsEntity {
  @PrimaryColumn({ type: 'smallint', default: 1, primaryKeyConstraintName: 'PK_institution_settings' })
  id: number;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  @Column({ name: 'trusted_device_days', type: 'integer' })
  trustedDeviceDays: number;

  @Column({ name: 'deadline_warning_days', type: 'integer' })
  deadlineWarningDays: number;

  @Column({ name: 'year_end_recess', type: 'boolean' })
  yearEndRecess: boolean;

  @Column({ name: 'secrecy_assignment', type: 'jsonb' })
  secrecyAssignment: SecrecyAssignmentTable;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
