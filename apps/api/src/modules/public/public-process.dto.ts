import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class PublicProcessQuery {
  @ApiPropertyOptional({ description: 'Chave do processo: opens a level-1 (segredo de justiça) process' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  key?: string;
}

export class PublicPartyDto {
  @ApiProperty({ description: '"Parte sigilosa" for a secret party, always' })
  name: string;

  @ApiProperty()
  type: string;
}

export class PublicEventDto {
  @ApiProperty()
  sequence: number;

  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, format: 'date-time' })
  occurredAt: string;
}

export class PublicDocumentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  type: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: String, format: 'date-time' })
  signedAt: string;

  @ApiProperty({ type: String, nullable: true, description: 'The text, for rich-text documents' })
  html: string | null;
}

export class PublicProcessDto {
  @ApiProperty()
  number: string;

  @ApiProperty({ example: 'Notícia de Fato' })
  class: string;

  @ApiProperty()
  subject: string;

  @ApiProperty()
  unit: string;

  @ApiProperty({ example: 'Em tramitação', description: 'Em tramitação, Em órgão externo, Arquivado, Anexado' })
  status: string;

  @ApiProperty({ type: String, format: 'date-time' })
  registeredAt: string;

  @ApiProperty({ type: [PublicPartyDto] })
  parties: PublicPartyDto[];

  @ApiProperty({ type: [PublicEventDto] })
  events: PublicEventDto[];

  @ApiProperty({
    type: [PublicDocumentDto],
    description: 'Decisory documents (level 0); every signed one with the key (level 1)',
  })
  documents: PublicDocumentDto[];
}
