import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { AssignmentEntity } from './assignment.entity';

@Entity('users')
// Usernames are case-insensitive: "Admin" and "admin" are the same user.
@Index('users_username_lower_key', { synchronize: false })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_users' })
  id: string;

  @Column({ type: 'text' })
  username: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  /** Digits only; null only for the bootstrap administrator, who is nobody in particular. */
  @Index('users_cpf_key', { unique: true, where: 'cpf IS NOT NULL' })
  @Column({ type: 'char', length: 11, nullable: true })
  cpf: string | null;

  @Column({ type: 'text' })
  email: string;

  /** Matrícula. */
  @Column({ name: 'registration_number', type: 'text', nullable: true })
  registrationNumber: string | null;

  /** argon2id; null until the user sets a first password through the e-mailed link. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @OneToMany('AssignmentEntity', (a: AssignmentEntity) => a.user)
  assignments: AssignmentEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
