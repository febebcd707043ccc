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

  /** When the password last changed; a login begun before it is void. */
  @Column({ name: 'password_changed_at', type: 'timestamptz', default: () => 'now()' })
  passwordChangedAt: Date;

  /** TOTP secret (base32), AES-256-GCM encrypted; set at enrollment, active once activated. */
  @Column({ name: 'totp_secret_enc', type: 'text', nullable: true, select: false })
  totpSecretEnc: string | null;

  @Column({ name: 'totp_enabled_at', type: 'timestamptz', nullable: true })
  totpEnabledAt: Date | null;

  /** The enrollment e-mail, where activation and disable links go. */
  @Column({ name: 'totp_email', type: 'text', nullable: true })
  totpEmail: string | null;

  /** Last accepted TOTP time step: a code is never accepted twice. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true, select: false })
  totpLastStep: string | null;

  /** Consecutive failed passwords or codes; reset by a success. */
  @Column({ name: 'failed_attempts', type: 'integer', default: 0 })
  failedAttempts: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @OneToMany('AssignmentEntity', (a: AssignmentEntity) => a.user)
  assignments: AssignmentEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
