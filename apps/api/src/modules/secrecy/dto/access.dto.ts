import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const RULES = [
  'PUBLIC',
  'UNIT_LEVEL',
  'RESPONSIBLE_MEMBER',
  'USER_PERMISSION',
  'GROUP_PERMISSION',
  'USER_DENIAL',
  'GROUP_DENIAL',
];

export class AccessReasonDto {
  @ApiProperty({ enum: RULES })
  rule: string;

  @ApiPropertyOptional({ description: 'UNIT_LEVEL: the profile that reaches the level' })
  profile?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Permissions and denials: the rule' })
  ruleId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  groupId?: string;

  @ApiPropertyOptional()
  groupName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' })
  expiresAt?: string | null;

  @ApiPropertyOptional({ enum: ['PROCESS', 'DOCUMENT'], description: 'What the rule was granted on' })
  on?: string;
}

export class AccessEntryDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  username: string;

  @ApiProperty()
  fullName: string;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ description: 'Decided by the same SQL predicate every box and read uses' })
  sees: boolean;

  @ApiProperty({ type: [AccessReasonDto], description: 'Every rule that applies to the user, winning or not' })
  reasons: AccessReasonDto[];
}

export class AccessExplanationDto {
  @ApiProperty({ format: 'uuid' })
  processId: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  documentId: string | null;

  @ApiProperty()
  number: string;

  @ApiProperty()
  secrecyLevel: number;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ description: 'Level 0: every signed-in user sees it, except those denied' })
  everyone: boolean;

  @ApiProperty({
    type: [AccessEntryDto],
    description:
      'The users of the unit, the responsible member and everyone a rule names (directly or by group), each with whether and why it sees',
  })
  entries: AccessEntryDto[];
}

export class Level5NumbersDto {
  @ApiProperty({ type: [String], description: 'Numbers only: nothing else of these processes is shown' })
  numbers: string[];
}
