import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UploadedFile,
  UseGuards,
} from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, Client, type ClientInfo, CurrentActor } from '../../common/auth/actor';
import { Authenticated, Public } from '../../common/auth/authenticated.decorator';
import { PdfUpload } from '../../common/pdf-upload.decorator';
import type { UploadedFile as Upload } from '../documents/pdf-upload';
import { AttendancesService } from './attendances.service';
import { CitizenConsultation } from './citizen-consultation.service';
import { ComplaintsReport, complaintsCsv } from './complaints-report.service';
import {
  AttachAttendanceDto,
  AttendanceDto,
  AttendanceListDto,
  AttendancesQuery,
  AttendanceUploadDto,
  CitizenAttendanceQuery,
  ComplaintsReportDto,
  ComplaintsReportQuery,
  ConvertAttendanceDto,
  CreateAttendanceDto,
} from './dto/attendance.dto';
import { CitizenAttendanceDto } from './dto/citizen-attendance.dto';

@ApiTags('attendances')
@Controller('attendances')
export class AttendancesController {
  constructor(private readonly attendances: AttendancesService) {}

  @Authenticated()
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a citizen’s visit or call, or a consumer complaint; answers its protocol' })
  @ApiCreatedResponse({ type: AttendanceDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAttendanceDto): Promise<AttendanceDto> {
    return this.attendances.create(actor, dto);
  }

  @Authenticated()
  @Get()
  @ApiOperation({ summary: 'The attendances of the caller’s units, newest first; by protocol, CPF or name (q)' })
  @ApiOkResponse({ type: AttendanceListDto })
  list(@CurrentActor() actor: Actor, @Query() query: AttendancesQuery): Promise<AttendanceListDto> {
    return this.attendances.list(actor, query);
  }

  @Authenticated()
  @Get(':id')
  @ApiOkResponse({ type: AttendanceDto })
  @ApiNotFoundResponse({ description: 'Unknown, or of a unit the caller does not read' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AttendanceDto> {
    return this.attendances.get(actor, id);
  }

  @Authenticated()
  @Post(':id/files')
  @HttpCode(201)
  @ApiOperation({ summary: 'A PDF the citizen handed in (content type and magic bytes checked; 20 MB at most)' })
  @PdfUpload({ title: { type: 'string' } }, ['title'])
  @ApiCreatedResponse({ type: AttendanceDto })
  @ApiConflictResponse({ description: 'Already converted or attached' })
  addFile(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: Upload | undefined,
    @Body() dto: AttendanceUploadDto,
  ): Promise<AttendanceDto> {
    return this.attendances.addFile(actor, id, file, dto);
  }

  @Authenticated()
  @Post(':id/convert')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Converter em Notícia de Fato: the person its party, the account its first document, event Atendimento, the NF deadline running',
  })
  @ApiOkResponse({ type: AttendanceDto })
  @ApiConflictResponse({ description: 'Already converted or attached, or a stale version' })
  convert(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ConvertAttendanceDto,
  ): Promise<AttendanceDto> {
    return this.attendances.convert(actor, id, dto);
  }

  @Authenticated()
  @Post(':id/attach')
  @HttpCode(200)
  @ApiOperation({ summary: 'Juntar a um processo do órgão: the term and the files join it, event Atendimento' })
  @ApiOkResponse({ type: AttendanceDto })
  @ApiConflictResponse({
    description: 'Already converted or attached, a stale version, or the process cannot take documents',
  })
  attach(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AttachAttendanceDto,
  ): Promise<AttendanceDto> {
    return this.attendances.attach(actor, id, dto);
  }
}

@ApiTags('attendances')
@Controller('reports')
export class ComplaintsReportController {
  constructor(private readonly report: ComplaintsReport) {}

  @Authenticated()
  @Get('complaints-by-supplier')
  @ApiOperation({
    summary: 'Consumer complaints per supplier (CNPJ) and category in a period; format=csv downloads it',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ComplaintsReportDto })
  async complaints(
    @CurrentActor() actor: Actor,
    @Query() query: ComplaintsReportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComplaintsReportDto | string> {
    const report = await this.report.run(actor, query);
    if (query.format !== 'csv') return report;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="reclamacoes-${query.from}-a-${query.to}.csv"`);
    return complaintsCsv(report);
  }
}

@ApiTags('public')
@Controller('public/attendances')
@UseGuards(ThrottlerGuard)
export class CitizenAttendanceController {
  constructor(private readonly consultation: CitizenConsultation) {}

  @Public()
  @Get(':protocol')
  @ApiOperation({
    summary:
      'The citizen’s consultation, without signing in: protocol and CPF give the status, and the process when public; rate-limited',
  })
  @ApiOkResponse({ type: CitizenAttendanceDto })
  @ApiNotFoundResponse({ description: 'Unknown protocol and wrong CPF alike (the same body)' })
  byProtocol(
    @Param('protocol') protocol: string,
    @Query() query: CitizenAttendanceQuery,
    @Client() client: ClientInfo,
  ): Promise<CitizenAttendanceDto> {
    return this.consultation.byProtocol(protocol, query.cpf, client);
  }
}
