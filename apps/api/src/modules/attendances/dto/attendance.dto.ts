import { ATTENDANCE_KINDS, type AttendanceKind, COMPLAINT_CATEGORIES } from '@acervo/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { IsVersion } from '../../../common/stale-version';

export class CreateAttendanceDto {
  @ApiProperty({ format: 'uuid', description: 'The unit attending (its code starts the protocol)' })
  @IsUUID()
  unitId: string;

  @ApiPropertyOptional({ enum: ATTENDANCE_KINDS, default: 'VISIT', description: 'COMPLAINT: against a supplier' })
  @IsOptional()
  @IsIn(ATTENDANCE_KINDS)
  kind?: AttendanceKind;

  @ApiProperty({ example: 'Maria das Dores Silva' })
  @IsString()
  @Length(1, 200)
  personName: string;

  @ApiProperty({ example: '529.982.247-25', description: 'With or without punctuation; check digits verified' })
  @IsString()
  @Length(11, 14)
  personCpf: string;

  @ApiPropertyOptional({ example: '(82) 99999-0000 · maria@example.com', description: 'Phone, e-mail, address' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  personContact?: string;

  @ApiProperty({ example: '10011', description: 'A subject of the catalogue' })
  @IsString()
  @Length(1, 40)
  subjectCode: string;

  @ApiProperty({ description: 'The account of the facts (relato), as told' })
  @IsString()
  @MaxLength(100_000)
  account: string;

  @ApiPropertyOptional({
    example: '11.222.333/0001-81',
    description: 'Complaints: the supplier (numeric or alphanumeric CNPJ)',
  })
  @IsOptional()
  @IsString()
  @Length(14, 18)
  supplierCnpj?: string;

  @ApiPropertyOptional({ example: 'Telefonia Exemplo S.A.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  supplierName?: string;

  @ApiPropertyOptional({ enum: Object.keys(COMPLAINT_CATEGORIES) })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  complaintCategory?: string;
}

export class AttendanceFileDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  size: number;

  @ApiProperty()
  sha256: string;

  @ApiProperty({ type: String, format: 'date-time' })
  receivedAt: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The document it became in the process' })
  documentId: string | null;
}

export class AttendanceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '058.2026.A000012', description: 'Given to the citizen' })
  protocol: string;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty()
  unitName: string;

  @ApiProperty({ enum: ATTENDANCE_KINDS })
  kind: AttendanceKind;

  @ApiProperty()
  personName: string;

  @ApiProperty({ description: 'Digits only' })
  personCpf: string;

  @ApiProperty({ type: String, nullable: true })
  personContact: string | null;

  @ApiProperty()
  subjectCode: string;

  @ApiProperty()
  subjectName: string;

  @ApiProperty()
  account: string;

  @ApiProperty({ type: String, nullable: true })
  supplierCnpj: string | null;

  @ApiProperty({ type: String, nullable: true })
  supplierName: string | null;

  @ApiProperty({ type: String, nullable: true })
  complaintCategory: string | null;

  @ApiProperty({ format: 'uuid' })
  staffId: string;

  @ApiProperty()
  staffName: string;

  @ApiProperty({ type: String, format: 'date-time' })
  attendedAt: string;

  @ApiProperty({ type: String, enum: ['CONVERTED', 'ATTACHED'], nullable: true })
  outcome: 'CONVERTED' | 'ATTACHED' | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  processId: string | null;

  @ApiProperty({ type: String, nullable: true })
  processNumber: string | null;

  @ApiProperty()
  version: number;

  @ApiProperty({ type: [AttendanceFileDto] })
  files: AttendanceFileDto[];
}

export class AttendanceListDto {
  @ApiProperty({ type: [AttendanceDto] })
  items: AttendanceDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class AttendancesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'One of the caller’s units (default: all of them)' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ description: 'Protocol, CPF (digits) or part of the person’s name' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class ConvertAttendanceDto {
  @ApiProperty({ description: 'The attendance version read' })
  @IsVersion()
  version: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 5,
    default: 0,
    description:
      'The Notícia de Fato’s level (within what the caller may assign); the Termo and the files received are at least level 1',
  })
  @IsOptional()
  @IsIn([0, 1, 2, 3, 4, 5])
  secrecyLevel?: number;

  @ApiPropertyOptional({
    description: 'Ementa of the Notícia de Fato (short, without party names); default: the subject and the protocol',
  })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  summary?: string;
}

export class AttachAttendanceDto {
  @ApiProperty({ description: 'The attendance version read' })
  @IsVersion()
  version: number;

  @ApiProperty({ format: 'uuid', description: 'The process it joins' })
  @IsUUID()
  processId: string;
}

export class AttendanceUploadDto {
  @ApiProperty({ example: 'Conta de telefone de outubro' })
  @IsString()
  @Length(1, 200)
  title: string;
}

export class ComplaintsReportQuery {
  @ApiProperty({ example: '2026-01-01', description: 'First day (inclusive)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  from: string;

  @ApiProperty({ example: '2026-12-31', description: 'Last day (inclusive)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  to: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'One of the caller’s units (default: all of them)' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class SupplierComplaintsDto {
  @ApiProperty()
  supplierCnpj: string;

  @ApiProperty({ description: 'The name given most recently' })
  supplierName: string;

  @ApiProperty()
  total: number;

  @ApiProperty({ description: 'Complaints per category', type: 'object', additionalProperties: { type: 'number' } })
  byCategory: Record<string, number>;
}

export class ComplaintsReportDto {
  @ApiProperty()
  from: string;

  @ApiProperty()
  to: string;

  @ApiProperty({ type: [SupplierComplaintsDto], description: 'Most complained-about first' })
  items: SupplierComplaintsDto[];
}

export class CitizenAttendanceQuery {
  @ApiProperty({ example: '529.982.247-25', description: 'The CPF of the person attended' })
  @IsString()
  @Length(1, 20)
  cpf: string;
}
