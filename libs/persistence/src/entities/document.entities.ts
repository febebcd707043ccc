import type { SecrecyLevel } from '@acervo/domain';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { DocumentTypeEntity } from './catalogue.entities';
import { ProcessEntity } from './process.entities';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';

export type DocumentFormat = 'HTML' | 'PDF';
export type DocumentStatus = 'DRAFT' | 'SIGNED';

/** A document: a draft (minuta) or signed (juntado); in a process, or standalone (avulso). */
@Entity('documents')
@Check('CHK_documents_format', `"format" IN ('HTML', 'PDF')`)
@Check('CHK_documents_status', `"status" IN ('DRAFT', 'SIGNED')`)
@Check('CHK_documents_secrecy_level', '"secrecy_level" BETWEEN 0 AND 5')
@Check('CHK_documents_signed', `("status" = 'SIGNED') = ("signed_at" IS NOT NULL AND "sha256" IS NOT NULL)`)
@Index('IDX_documents_unit_standalone', { synchronize: false })
// The sidebar's Minutas pendentes and Lixeira (partial, the migration's).
@Index('IDX_documents_drafts', { synchronize: false })
@Index('IDX_documents_trashed', { synchronize: false })
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_documents' })
  id: string;

  @Index('IDX_documents_process_id')
  @Column({ name: 'process_id', type: 'uuid', nullable: true })
  processId: string | null;

  @ManyToOne(() => ProcessEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'process_id', foreignKeyConstraintName: 'FK_documents_process' })
  process?: ProcessEntity | null;

  /** Its process's unit; for a standalone document, the unit it is addressed to, where it waits. */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_documents_unit' })
  unit?: UnitEntity;

  @Column({ name: 'type_code', type: 'text' })
  typeCode: string;

  @ManyToOne(() => DocumentTypeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'type_code', foreignKeyConstraintName: 'FK_documents_type' })
  type?: DocumentTypeEntity;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  format: DocumentFormat;

  /** Sanitised rich text (format HTML). */
  @Column({ type: 'text', nullable: true })
  html: string | null;

  /** At least its process's level. */
  @Column({ name: 'secrecy_level', type: 'smallint', default: 0 })
  secrecyLevel: SecrecyLevel;

  @Column({ type: 'text', default: 'DRAFT' })
  status: DocumentStatus;

  /** Registered by Protocolo with no process (documento avulso). */
  @Column({ type: 'boolean', default: false })
  standalone: boolean;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_documents_created_by' })
  creator?: UserEntity;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'signed_by', type: 'uuid', nullable: true })
  signedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'signed_by', foreignKeyConstraintName: 'FK_documents_signed_by' })
  signer?: UserEntity | null;

  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true })
  signedAt: Date | null;

  /** SHA-256 of the content, frozen at signing. */
  @Column({ type: 'text', nullable: true })
  sha256: string | null;

  @Column({ name: 'trashed_at', type: 'timestamptz', nullable: true })
  trashedAt: Date | null;

  @Column({ name: 'trashed_by', type: 'uuid', nullable: true })
  trashedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'trashed_by', foreignKeyConstraintName: 'FK_documents_trashed_by' })
  trasher?: UserEntity | null;

  @VersionColumn()
  version: number;
}

/** An uploaded PDF, in PostgreSQL with its SHA-256. */
@Entity('document_files')
export class DocumentFileEntity {
  @PrimaryColumn({ name: 'document_id', type: 'uuid', primaryKeyConstraintName: 'PK_document_files' })
  documentId: string;

  @OneToOne(() => DocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'FK_document_files_document' })
  document?: DocumentEntity;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'bytea', select: false })
  content: Buffer;
}
