import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PublicProcessDto } from '../../public/public-process.dto';

/** What the citizen sees with its protocol and CPF. */
export class CitizenAttendanceDto {
  @ApiProperty({ example: '058.2026.A000012' })
  protocol: string;

  @ApiProperty()
  unit: string;

  @ApiProperty()
  subject: string;

  @ApiProperty({ type: String, format: 'date-time' })
  attendedAt: string;

  @ApiProperty({ example: 'Registrado: em análise pelo órgão' })
  status: string;

  @ApiPropertyOptional({
    type: PublicProcessDto,
    description: 'The process it became or joined, when that process is public (level 0); absent otherwise',
  })
  process?: PublicProcessDto;
}
