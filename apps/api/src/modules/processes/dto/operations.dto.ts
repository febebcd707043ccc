import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsVersion } from '../../../common/stale-version';

/** Every operation carries the version read: a stale one gets 409 and writes nothing. */
export class VersionedDto {
  @ApiProperty({ description: 'The version read' })
  @IsVersion()
  version: number;
}

export class ConcludeDto extends VersionedDto {
  @ApiProperty({ format: 'uuid', description: 'A user of the unit where the process is' })
  @IsUUID()
  userId: string;
}

export class ForwardDto extends VersionedDto {
  @ApiProperty({ format: 'uuid', description: 'The unit whose Secretaria receives it' })
  @IsUUID()
  unitId: string;
}

export class SendExternalDto extends VersionedDto {
  @ApiProperty({ example: 'Tribunal de Contas do Estado' })
  @IsString()
  @Length(2, 200)
  organ: string;
}

export class PriorityDto extends VersionedDto {
  @ApiProperty()
  @IsBoolean()
  priority: boolean;
}

export class ArchiveDto extends VersionedDto {
  @ApiPropertyOptional({ example: '020089', description: 'An archiving movement of the taxonomy; default 900012' })
  @IsOptional()
  @IsString()
  @Length(1, 30)
  movementCode?: string;
}

export class SecrecyDto extends VersionedDto {
  @ApiProperty({ minimum: 0, maximum: 5 })
  @IsIn([0, 1, 2, 3, 4, 5])
  level: number;

  @ApiPropertyOptional({ description: 'Shown in the process with the Decretação de sigilo event' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  justification?: string;
}

export class AttachDto extends VersionedDto {
  @ApiProperty({ format: 'uuid', description: 'The principal process this one is attached (anexado) to' })
  @IsUUID()
  principalId: string;
}

export class OperationResultDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  version: number;

  @ApiProperty({ description: 'Number of the event the operation wrote' })
  eventSequence: number;
}
