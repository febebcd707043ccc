import { AssignmentEntity } from './assignment.entity';
import {
  EmailTokenEntity,
  IpLoginFailureEntity,
  RecoveryCodeEntity,
  RefreshTokenEntity,
  SecurityEventEntity,
  SessionEntity,
  TrustedDeviceEntity,
} from './auth.entities';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';
import { WorkerHeartbeatEntity } from './worker-heartbeat.entity';

export * from './assignment.entity';
export * from './auth.entities';
export * from './unit.entity';
export * from './user.entity';
export * from './worker-heartbeat.entity';

export const ENTITIES = [
  UnitEntity,
  UserEntity,
  AssignmentEntity,
  WorkerHeartbeatEntity,
  SessionEntity,
  RefreshTokenEntity,
  EmailTokenEntity,
  RecoveryCodeEntity,
  SecurityEventEntity,
  IpLoginFailureEntity,
  TrustedDeviceEntity,
];
