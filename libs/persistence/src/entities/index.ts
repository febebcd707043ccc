import { AssignmentEntity } from './assignment.entity';
import { AuditRecordEntity } from './audit-record.entity';
import {
  ClassEntity,
  DocumentTypeEntity,
  HolidayEntity,
  InstitutionSettingsEntity,
  LegalDeadlineRuleEntity,
  MovementTypeEntity,
  SubjectEntity,
} from './catalogue.entities';
import { CommunicationEntity } from './communication.entity';
import {
  EmailTokenEntity,
  IpLoginFailureEntity,
  RecoveryCodeEntity,
  RefreshTokenEntity,
  SecurityEventEntity,
  SessionEntity,
  TrustedDeviceEntity,
} from './auth.entities';
import {
  DistributionGroupEntity,
  DistributionGroupMemberEntity,
  DutyPeriodEntity,
  UserGroupEntity,
  UserGroupMemberEntity,
} from './organisation.entities';
import {
  ProcessCustodyEntity,
  ProcessEntity,
  ProcessEventEntity,
  ProcessNumberSequenceEntity,
  ProcessPartyEntity,
} from './process.entities';
import { DocumentEntity, DocumentFileEntity } from './document.entities';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';
import { WorkerHeartbeatEntity } from './worker-heartbeat.entity';

export * from './assignment.entity';
export * from './audit-record.entity';
export * from './catalogue.entities';
export * from './communication.entity';
export * from './document.entities';
export * from './auth.entities';
export * from './organisation.entities';
export * from './process.entities';
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
  AuditRecordEntity,
  DutyPeriodEntity,
  UserGroupEntity,
  UserGroupMemberEntity,
  DistributionGroupEntity,
  DistributionGroupMemberEntity,
  ClassEntity,
  SubjectEntity,
  MovementTypeEntity,
  DocumentTypeEntity,
  LegalDeadlineRuleEntity,
  HolidayEntity,
  InstitutionSettingsEntity,
  ProcessNumberSequenceEntity,
  ProcessEntity,
  ProcessPartyEntity,
  ProcessEventEntity,
  ProcessCustodyEntity,
  DocumentEntity,
  DocumentFileEntity,
  CommunicationEntity,
];
