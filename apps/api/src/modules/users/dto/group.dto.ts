import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { IsVersion } from '../../../common/stale-version';

export class CreateGroupDto {
  @ApiProperty({ example: 'Assessoria da 58ª PJ' })
  @IsString()
  @Length(2, 120)
  name: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The unit that keeps the group; null (ADMIN only) for an institution-wide group',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  unitId?: string | null;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  memberIds: string[];
}

export class UpdateGroupDto {
  @ApiProperty()
  @IsVersion()
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(2, 120)
  name?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Replaces the members' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  memberIds?: string[];
}

export class GroupMemberDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  username: string;

  @ApiProperty()
  fullName: string;
}

export class GroupDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  unitId: string | null;

  @ApiProperty({ type: [GroupMemberDto] })
  members: GroupMemberDto[];

  @ApiProperty()
  version: number;
}

export class GroupListDto {
  @ApiProperty({ type: [GroupDto] })
  items: GroupDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class GroupsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}
