import {
  COMMUNICATION_KINDS,
  COMMUNICATION_ROUTES,
  type CommunicationKind,
  type CommunicationRoute,
} from '@acervo/domain';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { RegisterProcessDto } from '../../processes/dto/register-process.dto';

/** A new process the communication is about: registration's own fields and rules, in the target unit. */
export class CommunicationProcessInput extends PickType(RegisterProcessDto, [
  'classCode',
  'subjectCode',
  'summary',
  'parties',
  'originNumber',
] as const) {}

export class ReceiveCommunicationDto {
  @ApiProperty({ enum: COMMUNICATION_KINDS, description: 'CITATION (citação) or INTIMATION (intimação)' })
  @IsIn(COMMUNICATION_KINDS)
  kind: CommunicationKind;

  @ApiPropertyOptional({
    default: false,
    description: 'An urgent intimation received during a plantão goes to its ON_DUTY member',
  })
  @IsOptional()
  @IsBoolean()
  urgent?: boolean;

  @ApiProperty({ format: 'uuid', description: 'The unit it is addressed to' })
  @IsUUID()
  unitId: string;

  @ApiPropertyOptional({
    example: '058.2026.000123',
    description: 'An existing process of the unit. Exactly one of processNumber and process.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  processNumber?: string;

  @ApiPropertyOptional({
    type: CommunicationProcessInput,
    description: 'A new process, registered in the unit first. Exactly one of processNumber and process.',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CommunicationProcessInput)
  process?: CommunicationProcessInput;

  @ApiPropertyOptional({
    maxLength: 200,
    description:
      "The integrator's id of the communication: sent again, it gets the first answer (200) and nothing is written",
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  externalId?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Recorded in the history with the communication' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class CommunicationReceiptDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  processId: string;

  @ApiProperty({ example: '058.2026.000123' })
  processNumber: string;

  @ApiProperty({ enum: COMMUNICATION_ROUTES })
  route: CommunicationRoute;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The user the process is now concluso to; null: in the Secretaria',
  })
  toUserId: string | null;

  @ApiProperty({ description: "The number of the event that records it in the process's history" })
  eventSequence: number;
}

export class CommunicationDto extends CommunicationReceiptDto {
  @ApiProperty({ enum: COMMUNICATION_KINDS })
  kind: CommunicationKind;

  @ApiProperty()
  urgent: boolean;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ type: String, nullable: true })
  externalId: string | null;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({ format: 'date-time' })
  receivedAt: string;

  @ApiProperty({ format: 'uuid', description: 'Who brought it in' })
  receivedBy: string;
}
