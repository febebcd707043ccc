import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class DirectoryQuery {
  @ApiProperty({ example: 'silva', description: 'Part of a name (at least 3 characters)' })
  @IsString()
  @Length(3, 100)
  q: string;
}

export class DirectoryUserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  fullName: string;

  @ApiProperty({ type: [String], description: 'The units it works in, by name' })
  units: string[];
}

export class DirectoryGroupDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true, description: 'Its unit, by name (none: institution-wide)' })
  unit: string | null;
}

export class DirectoryDto {
  @ApiProperty({ type: [DirectoryUserDto], description: 'Active users, at most 20' })
  users: DirectoryUserDto[];

  @ApiProperty({ type: [DirectoryGroupDto], description: 'User groups, at most 20' })
  groups: DirectoryGroupDto[];
}
