import { PROFILES, type Profile, readsAsCpf } from '@acervo/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { IsVersion } from '../../../common/stale-version';
import { IsMailAddress } from '../../../common/mail-address';

export class AssignmentInput {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null only for ADMIN' })
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  unitId: string | null;

  @ApiProperty({ enum: PROFILES })
  @IsIn(PROFILES)
  profile: Profile;

  @ApiPropertyOptional({ default: false, description: 'Secretaria/Cartório permission in the unit' })
  @IsOptional()
  @IsBoolean()
  secretaria?: boolean;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Required for ANALYST and ASSISTANT: a member of the same unit',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  linkedMemberId?: string | null;
}

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

/** Sign-in takes a username or a CPF: a username that reads as one would be ambiguous. */
const IsNotCpfLike = () =>
  ValidateBy({
    name: 'notCpfLike',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !readsAsCpf(value),
      defaultMessage: () => 'username: precisa de ao menos uma letra (só dígitos seria lido como CPF)',
    },
  });

export class CreateUserDto {
  @ApiProperty({ example: 'maria.souza', description: 'Case-insensitive and unique' })
  @Matches(USERNAME, { message: 'username: 3 a 64 letras, dígitos, ponto, hífen ou sublinhado' })
  @IsNotCpfLike()
  username: string;

  @ApiProperty({ example: 'Maria de Souza' })
  @IsString()
  @Length(3, 200)
  fullName: string;

  @ApiProperty({ example: '529.982.247-25', description: 'With or without punctuation; check digits validated' })
  @IsString()
  @MaxLength(20)
  cpf: string;

  @ApiProperty({ example: 'maria.souza@mp.example' })
  @IsMailAddress({ message: 'email inválido' })
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ description: 'Matrícula' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  registrationNumber?: string;

  @ApiProperty({ type: [AssignmentInput] })
  @IsArray()
  @ArrayMinSize(1, { message: 'informe ao menos uma lotação' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AssignmentInput)
  assignments: AssignmentInput[];
}

export class UpdateUserDto {
  @ApiProperty({ description: 'The version read; a stale one gets 409' })
  @IsVersion()
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(3, 200)
  fullName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsMailAddress({ message: 'email inválido' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Length(1, 40)
  registrationNumber?: string | null;

  @ApiPropertyOptional({ description: 'An inactive user cannot sign in; its sessions end at once' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    type: [AssignmentInput],
    description: "Replaces the user's assignments in the units the caller manages; others stay as they are",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AssignmentInput)
  assignments?: AssignmentInput[];
}

export class AssignmentDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  unitId: string | null;

  @ApiProperty({ type: String, nullable: true })
  unitCode: string | null;

  @ApiProperty({ enum: PROFILES })
  profile: Profile;

  @ApiProperty()
  secretaria: boolean;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  linkedMemberId: string | null;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  username: string;

  @ApiProperty()
  fullName: string;

  @ApiProperty({ type: String, nullable: true, description: '11 digits' })
  cpf: string | null;

  @ApiProperty()
  email: string;

  @ApiProperty({ type: String, nullable: true })
  registrationNumber: string | null;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ description: 'Whether 2FA is active' })
  totpEnabled: boolean;

  @ApiProperty({ type: [AssignmentDto] })
  assignments: AssignmentDto[];

  @ApiProperty()
  version: number;
}

export class UserListDto {
  @ApiProperty({ type: [UserDto] })
  items: UserDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class UsersQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only users assigned to this unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: PROFILES, description: 'Only users holding this profile' })
  @IsOptional()
  @IsIn(PROFILES)
  profile?: Profile;

  @ApiPropertyOptional({ description: 'Part of the username or the full name' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}
