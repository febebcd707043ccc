import { applyDecorators, HttpCode } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { OperationResultDto } from './dto/operations.dto';

/** A process operation route: authenticated, 200 with the new version, its refusals documented. */
export const OperationRoute = (summary: string) =>
  applyDecorators(
    Authenticated(),
    HttpCode(200),
    ApiOperation({ summary }),
    ApiOkResponse({ type: OperationResultDto }),
    ApiForbiddenResponse({ description: 'The caller may not act on this process' }),
    ApiConflictResponse({ description: 'Stale version, or not allowed from where the process is' }),
    ApiNotFoundResponse({ description: 'Unknown, or not visible to the caller' }),
  );
