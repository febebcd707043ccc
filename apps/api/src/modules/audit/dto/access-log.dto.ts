import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { SecurityEventsQuery } from './security-events.dto';

/** The security log's filters (user, period, cursor), plus the process. */
export class AccessLogQuery extends SecurityEventsQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  processId?: string;
}

const HOW = ['DETAIL', 'BY_NUMBER', 'EVENTS', 'DOCUMENTS', 'DOCUMENT', 'DOWNLOAD', 'PUBLIC_KEY', 'TEMPLATE'];

export class AccessLogItem {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'date-time' })
  at: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'null: public consultation with the key' })
  userId: string | null;

  @ApiProperty({ type: String, nullable: true })
  username: string | null;

  @ApiProperty({ format: 'uuid' })
  processId: string;

  @ApiProperty()
  number: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  documentId: string | null;

  @ApiProperty({ enum: HOW, description: 'The read path: view, by number, events, documents, one document, download' })
  how: string;

  @ApiProperty({ description: 'The level of the process when it was read' })
  secrecyLevel: number;

  @ApiProperty({ format: 'uuid', description: 'Where the process was when it was read' })
  unitId: string;

  @ApiProperty({ description: 'Whether the reader was a user of that unit' })
  ownUnit: boolean;

  @ApiProperty({ type: String, nullable: true })
  ip: string | null;
}

export class AccessLogPage {
  @ApiProperty({ type: [AccessLogItem] })
  items: AccessLogItem[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
