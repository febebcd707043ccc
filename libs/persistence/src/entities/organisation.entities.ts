import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';

/** Plantão: a period in which an ON_DUTY member of the unit receives urgent intimations. */
@Entity('duty_periods')
@Check('CHK_duty_periods_order', '"starts_at" < "ends_at"')
@Exclusion('EX_duty_periods_overlap', 'USING gist ("unit_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)')
export class DutyPeriodEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_duty_periods' })
  id: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_duty_periods_unit' })
  unit?: UnitEntity;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'FK_duty_periods_member' })
  member?: UserEntity;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A named set of users, the subject of explicit permissions; optionally owned by a unit. */
@Entity('user_groups')
// Names are unique per unit, case-insensitively (expression index, kept out of sync).
@Index('UQ_user_groups_unit_name', { synchronize: false })
export class UserGroupEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_user_groups' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_user_groups_unit' })
  unit?: UnitEntity | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

@Entity('user_group_members')
export class UserGroupMemberEntity {
  @PrimaryColumn({ name: 'group_id', type: 'uuid', primaryKeyConstraintName: 'PK_user_group_members' })
  groupId: string;

  @Index('IDX_user_group_members_user_id')
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'PK_user_group_members' })
  userId: string;

  @ManyToOne(() => UserGroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'FK_user_group_members_group' })
  group?: UserGroupEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_user_group_members_user' })
  user?: UserEntity;
}

/** Grupo de distribuição: the members among whom a unit draws its processes. */
@Entity('distribution_groups')
@Index('UQ_distribution_groups_unit_name', { synchronize: false })
export class DistributionGroupEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_distribution_groups' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** The distribution centre (or any unit) that runs the group's draws. */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_distribution_groups_unit' })
  unit?: UnitEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

/** A member in a distribution group; away (skipped by draws) outside its designation dates. */
@Entity('distribution_group_members')
@Check('CHK_distribution_group_members_weight', '"weight" > 0')
@Check('CHK_distribution_group_members_dates', '"starts_on" IS NULL OR "ends_on" IS NULL OR "starts_on" <= "ends_on"')
@Check('CHK_distribution_group_members_received', '"received" >= 0')
export class DistributionGroupMemberEntity {
  @PrimaryColumn({ name: 'group_id', type: 'uuid', primaryKeyConstraintName: 'PK_distribution_group_members' })
  groupId: string;

  @Index('IDX_distribution_group_members_user_id')
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'PK_distribution_group_members' })
  userId: string;

  @ManyToOne(() => DistributionGroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'FK_distribution_group_members_group' })
  group?: DistributionGroupEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_distribution_group_members_user' })
  user?: UserEntity;

  /** Share of the draws (compensation: libs/domain/src/distribution/lottery.ts). */
  @Column({ type: 'numeric', precision: 5, scale: 2, default: 1 })
  weight: string;

  /** Distributions received in the group that still count; locked by every draw. */
  @Column({ type: 'integer', default: 0 })
  received: number;

  /** Where a drawn process is sent when the lottery sends it at once. */
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_distribution_group_members_unit' })
  unit?: UnitEntity;

  @Column({ name: 'starts_on', type: 'date', nullable: true })
  startsOn: string | null;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;
}
