import { MAX_PDF_BYTES } from '@acervo/domain';
import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * A multipart request carrying one PDF in `file` beside text `fields`: multer stops
 * reading past the 20 MB limit (413), and the OpenAPI document describes the same body.
 */
export function PdfUpload(fields: Record<string, SchemaObject>, required: readonly string[]) {
  return applyDecorators(
    UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_PDF_BYTES, files: 1 } })),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file', ...required],
        properties: { file: { type: 'string', format: 'binary' }, ...fields },
      },
    }),
  );
}
