import type { UnitKind } from '@acervo/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** Órgão: promotoria, procuradoria, secretaria, centro de distribuição, protocolo. */
@Entity('units')
@Unique('UQ_units_code', ['code'])
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_units' })
  id: string;

  /** Used in process numbers ({unitCode}.{year}.{sequential}). */
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: UnitKind;

  @Column({ type: 'text' })
  city: string;

  @Column({ type: 'char', length: 2 })
  uf: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
