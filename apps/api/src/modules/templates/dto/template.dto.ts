import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { CATALOGUE_CODE_MAX } from '../../catalogues/dto/coded.dto';
import { IsVersion } from '../../../common/stale-version';

/** Bodies up to 90 000 characters: a long portaria, inside the 100 kB JSON body limit. */
const BODY_MAX = 90_000;

export class CreateTemplateDto {
  @ApiProperty({ example: 'Portaria de instauração de IC' })
  @IsString()
  @Length(2, 200)
  @Matches(/\S\s*\S/, { message: 'name: informe um nome' })
  name: string;

  @ApiProperty({ description: 'Rich text (HTML) with ${…} tags of DOMAIN §7; an unknown tag is refused, named' })
  @IsString()
  @Length(1, BODY_MAX)
  body: string;

  @ApiPropertyOptional({ example: 'PORTARIA', default: 'DESPACHO', description: 'Type of the documents it makes' })
  @IsOptional()
  @IsString()
  @Length(1, CATALOGUE_CODE_MAX)
  typeCode?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "The unit whose template it is (its members write it); none: the institution's (ADMIN)",
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class UpdateTemplateDto {
  @ApiProperty({ description: 'The version read' })
  @IsVersion()
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(2, 200)
  @Matches(/\S\s*\S/, { message: 'name: informe um nome' })
  name?: string;

  @ApiProperty()
  @IsString()
  @Length(1, BODY_MAX)
  body: string;
}

export class PreviewTemplateDto {
  @ApiProperty({ description: 'A body, saved or not' })
  @IsString()
  @MaxLength(BODY_MAX)
  body: string;

  @ApiProperty({ format: 'uuid', description: 'Any process the author may see' })
  @IsUUID()
  processId: string;
}

export class FromTemplateDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  templateId: string;
}

export class TemplateSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  typeCode: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  unitId: string | null;

  @ApiProperty({ description: 'The current version' })
  version: number;
}

export class TemplateDto extends TemplateSummaryDto {
  @ApiProperty()
  body: string;

  @ApiProperty({ type: [Number], description: 'Every version kept (documents made keep theirs)' })
  versions: number[];
}

export class TemplateListDto {
  @ApiProperty({ type: [TemplateSummaryDto] })
  items: TemplateSummaryDto[];
}

export class RenderedDto {
  @ApiProperty({ description: 'The rendered, sanitised HTML' })
  content: string;
}

export class FromTemplateResultDto {
  @ApiProperty({ format: 'uuid', description: 'The draft (minuta) created in the process' })
  id: string;

  @ApiProperty()
  content: string;

  @ApiProperty()
  version: number;
}
