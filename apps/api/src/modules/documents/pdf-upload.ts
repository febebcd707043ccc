import { isPdf, ValidationFailed } from '@acervo/domain';

/** A file as multer hands it over. */
export interface UploadedFile {
  buffer: Buffer;
  mimetype: string;
  size: number;
}

/** The PDF of an upload: declared as one and starting like one, or a 400 naming `file`. */
export function receivedPdf(file: UploadedFile | undefined): Buffer {
  if (!file) throw new ValidationFailed([{ field: 'file', message: 'envie o arquivo PDF no campo file' }]);
  if (file.mimetype !== 'application/pdf' || !isPdf(file.buffer)) {
    throw new ValidationFailed([{ field: 'file', message: 'o arquivo não é um PDF' }]);
  }
  return file.buffer;
}
