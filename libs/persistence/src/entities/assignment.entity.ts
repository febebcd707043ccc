import type { Profile } from '@acervo/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';

/** Lotação: a user working in a unit with one profile. ADMIN works institution-wide (no unit). */
@Entity('assignments')
// One per user and unit, ADMIN's unit-less one included (NULLS NOT DISTINCT: kept out of sync).
@Index('UQ_assignments_user_unit', { synchronize: false })
export class AssignmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_assignments' })
  id: string;

  @Index('IDX_assignments_user_id')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, (u) => u.assignments, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_assignments_user' })
  user: UserEntity;

  @Index('IDX_assignments_unit_id')
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_assignments_unit' })
  unit: UnitEntity | null;

  @Column({ type: 'text' })
  profile: Profile;

  /** Secretaria/Cartório permission in this unit. */
  @Column({ type: 'boolean', default: false })
  secretaria: boolean;

  /** The MEMBER an ANALYST or ASSISTANT works for. */
  @Column({ name: 'linked_member_id', type: 'uuid', nullable: true })
  linkedMemberId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'linked_member_id', foreignKeyConstraintName: 'FK_assignments_linked_member' })
  linkedMember: UserEntity | null;
}
