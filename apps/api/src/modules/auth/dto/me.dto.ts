import { CAPABILITIES, PROFILES } from '@acervo/domain';
import { ApiProperty } from '@nestjs/swagger';

export class MeAssignment {
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'null: institution-wide (ADMIN)' })
  unitId: string | null;

  @ApiProperty({ enum: PROFILES })
  profile: string;

  @ApiProperty({ description: 'Secretaria/Cartório permission in the unit' })
  secretaria: boolean;

  @ApiProperty({ description: 'Highest secrecy level this assignment sees by the level table' })
  secrecyCap: number;

  @ApiProperty({ description: 'Whether the user registers processes in this unit (DOMAIN §3.2)' })
  mayRegister: boolean;
}

export class MeResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  username: string;

  @ApiProperty()
  fullName: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ type: [MeAssignment] })
  assignments: MeAssignment[];

  @ApiProperty({ enum: PROFILES, isArray: true, description: 'Every profile the user holds in some unit' })
  profiles: string[];

  @ApiProperty({
    enum: CAPABILITIES,
    isArray: true,
    description: 'What the profiles allow, united over every assignment',
  })
  capabilities: string[];
}
