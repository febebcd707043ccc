import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { IsCalendarDay } from '../../../common/calendar-day';
import { PageQuery } from '../../../common/pagination';
import { VersionedDto } from '../../processes/dto/operations.dto';

/** The largest batch one lottery draws (a distribution centre's busiest day, many times over). */
export const MAX_LOTTERY_BATCH = 10_000;

export class DistributeDto extends VersionedDto {
  @ApiProperty({ format: 'uuid', description: 'An active member of the unit where the process is' })
  @IsUUID()
  memberId: string;
}

export class ImpedimentDto extends VersionedDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The signed "Declaração de impedimento/suspeição" (type DECLARACAO_IMPEDIMENTO) of this process',
  })
  @IsUUID()
  documentId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The distribution centre to return to; defaults to the unit of the group that drew it (required for a manual distribution)',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class CancelDistributionDto extends VersionedDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The signed "Termo de cancelamento de distribuição" (type TERMO_CANCELAMENTO_DISTRIBUICAO)',
  })
  @IsUUID()
  documentId: string;
}

export class PreventionInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  processId: string;

  @ApiProperty({
    format: 'uuid',
    description:
      'The related (principal) process: its responsible member is prevento — receives without a draw, and it counts',
  })
  @IsUUID()
  relatedProcessId: string;
}

export class LotteryDto {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: MAX_LOTTERY_BATCH, description: 'Drawn in this order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LOTTERY_BATCH)
  @IsUUID('all', { each: true })
  processIds: string[];

  @ApiPropertyOptional({
    default: false,
    description:
      "Send each process to the drawn member at once: concluded to it, or forwarded to its unit's Secretaria",
  })
  @IsOptional()
  @IsBoolean()
  sendImmediately?: boolean;

  @ApiPropertyOptional({ type: [PreventionInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LOTTERY_BATCH)
  @ValidateNested({ each: true })
  @Type(() => PreventionInput)
  preventions?: PreventionInput[];
}

export class ProcessLotteryDto extends VersionedDto {
  @ApiProperty({ format: 'uuid', description: 'The distribution group that draws' })
  @IsUUID()
  groupId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Prevention: the related process whose responsible member receives it, no draw',
  })
  @IsOptional()
  @IsUUID()
  relatedProcessId?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  sendImmediately?: boolean;
}

export class DrawSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  processId: string;

  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty({ description: 'Prevention: no draw' })
  prevention: boolean;

  @ApiProperty({ description: 'The process version after the distribution' })
  processVersion: number;
}

export class LotteryResultDto {
  @ApiProperty({ format: 'uuid' })
  batchId: string;

  @ApiProperty({ example: 'acervo-draw-v1' })
  algorithm: string;

  @ApiProperty({ description: 'SHA-256 (hex) of the seed, recorded before the draws' })
  commitment: string;

  @ApiProperty({ description: 'The seed (hex), revealed now that the batch is drawn' })
  seed: string;

  @ApiProperty({ type: [DrawSummaryDto] })
  draws: DrawSummaryDto[];
}

export class CandidateDto {
  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty()
  weight: number;

  @ApiProperty({ description: 'Distributions received in the group and counting, before this draw' })
  received: number;

  @ApiProperty({ description: 'Receiving keeps it within its weighted share' })
  withinQuota: boolean;

  @ApiProperty({ description: '(received + 1) / weight: the lowest within quota receives' })
  standing: number;
}

export class ExcludedMemberDto {
  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty({ enum: ['AWAY', 'IMPEDED'] })
  reason: 'AWAY' | 'IMPEDED';
}

export class DrawRecordDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  batchId: string;

  @ApiProperty({ format: 'uuid' })
  groupId: string;

  @ApiProperty({ description: 'Order of the draw in its batch, from 0' })
  position: number;

  @ApiProperty({ format: 'uuid' })
  processId: string;

  @ApiProperty({ type: String, nullable: true, description: 'Null when the caller may not see the process' })
  processNumber: string | null;

  @ApiProperty()
  prevention: boolean;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Prevention: the related process whose member was prevento',
  })
  relatedProcessId: string | null;

  @ApiProperty({ type: [CandidateDto] })
  candidates: CandidateDto[];

  @ApiProperty({ type: [ExcludedMemberDto] })
  excluded: ExcludedMemberDto[];

  @ApiProperty({ type: [String], description: 'The candidates left to chance, in canonical order' })
  tied: string[];

  @ApiProperty({ type: String, nullable: true, description: 'HMAC-SHA256(seed, message), hex; null for prevention' })
  randomValue: string | null;

  @ApiProperty({ type: Number, nullable: true })
  attempt: number | null;

  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty()
  memberName: string;

  @ApiProperty({ format: 'uuid' })
  runBy: string;

  @ApiProperty({ type: String, format: 'date-time' })
  drawnAt: string;

  @ApiProperty()
  algorithm: string;

  @ApiProperty()
  commitment: string;

  @ApiProperty({ type: String, format: 'date-time' })
  committedAt: string;

  @ApiProperty({ description: 'The revealed seed (hex)' })
  seed: string;
}

export class DrawPageDto {
  @ApiProperty({ type: [DrawRecordDto] })
  items: DrawRecordDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class RecomputedDrawDto {
  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty({ type: String, nullable: true })
  randomValue: string | null;

  @ApiProperty({ type: [String] })
  tied: string[];
}

export class DrawVerificationDto {
  @ApiProperty({ format: 'uuid' })
  drawId: string;

  @ApiProperty({ description: 'All checks hold' })
  verified: boolean;

  @ApiProperty({ description: 'SHA-256 of the revealed seed equals the commitment recorded before the batch' })
  seedMatchesCommitment: boolean;

  @ApiProperty({ description: 'Re-running from the stored candidates and counts gives the stored random value' })
  randomValueMatches: boolean;

  @ApiProperty({ description: '…and the stored result' })
  resultMatches: boolean;

  @ApiProperty({ description: "The process's distribution record names the drawn member" })
  distributionMatches: boolean;

  @ApiProperty({ type: RecomputedDrawDto, nullable: true })
  recomputed: RecomputedDrawDto | null;
}

export class DistributionRecordDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  processId: string;

  @ApiProperty({ type: String, nullable: true, description: 'Null when the caller may not see the process' })
  processNumber: string | null;

  @ApiProperty({ enum: ['MANUAL', 'LOTTERY', 'PREVENTION'] })
  kind: 'MANUAL' | 'LOTTERY' | 'PREVENTION';

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  groupId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  drawId: string | null;

  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty()
  memberName: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  distributorId: string | null;

  @ApiProperty({ type: String, nullable: true })
  distributorName: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Matrícula' })
  distributorRegistrationNumber: string | null;

  @ApiProperty({ type: String, format: 'date' })
  startsOn: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endsOn: string | null;

  @ApiProperty({ type: String, enum: ['IMPEDIMENT', 'CANCELLED', 'REPLACED'], nullable: true })
  endReason: 'IMPEDIMENT' | 'CANCELLED' | 'REPLACED' | null;

  @ApiProperty({ description: 'Cancelled: no longer counts in compensation' })
  cancelled: boolean;
}

export class DistributionPageDto {
  @ApiProperty({ type: [DistributionRecordDto] })
  items: DistributionRecordDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class MemberCountDto {
  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty()
  memberName: string;

  @ApiProperty()
  weight: number;

  @ApiProperty({ description: 'Distributions received in the period (lottery and prevention)' })
  received: number;

  @ApiProperty({ description: '…of which prevention' })
  prevention: number;

  @ApiProperty({ description: '…of which later cancelled' })
  cancelled: number;

  @ApiProperty({ description: 'Impediments declared on them' })
  impeded: number;

  @ApiProperty({ description: 'The compensation counter now (all time, cancelled ones excluded)' })
  counting: number;
}

export class DistributionReportDto {
  @ApiProperty({ format: 'uuid' })
  groupId: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  from: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  to: string | null;

  @ApiProperty({ type: [MemberCountDto] })
  members: MemberCountDto[];
}

/** A period of days, either end open. */
export class DistributionReportQuery {
  @ApiPropertyOptional({ format: 'date', description: 'From this day (inclusive, institution time zone)' })
  @IsOptional()
  @IsCalendarDay()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Until this day (inclusive)' })
  @IsOptional()
  @IsCalendarDay()
  to?: string;
}

export class PeriodQuery extends IntersectionType(PageQuery, DistributionReportQuery) {}

export class DistributionTagsDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: {
      'distribuicao.dataInicial': '09/03/2026',
      'distribuicao.dataFinal': '',
      'distribuicao.distribuidor.matricula': '12345-6',
      'distribuicao.distribuidor.pessoaFisica.nome': 'Maria Gerente',
    },
    description: 'The ${distribuicao.*} template values: the latest distribution not cancelled; empty without one',
  })
  tags: Record<string, string>;
}
