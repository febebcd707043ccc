import { DomainError, type FieldError } from '@acervo/domain';
import { MailUnavailable } from '@acervo/runtime';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isConcurrencyAbort, isDatabaseUnavailable } from './database-errors';
import { type Problem, PROBLEM_CONTENT_TYPE, problemType, STATUS_OF_KIND, titleFor } from './problem';

interface BodyParserError {
  type: string;
  status: number;
  message: string;
}

function isBodyParserError(e: unknown): e is BodyParserError {
  return (
    typeof e === 'object' &&
    e !== null &&
    'type' in e &&
    'status' in e &&
    typeof (e as BodyParserError).status === 'number'
  );
}

/** Answers every error as RFC 9457 problem details; 5xx are logged, never explained. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception);
    problem.instance = request.originalUrl?.split('?')[0];
    if (request.id) problem.requestId = String(request.id);
    if (problem.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : exception);
    if (response.headersSent) return;
    // A restart of PostgreSQL takes seconds: clients (and proxies) may retry after that.
    if (problem.type === problemType('database-unavailable')) response.setHeader('Retry-After', '5');
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof DomainError) {
      const status = STATUS_OF_KIND[exception.kind];
      const problem = this.problem(status, exception.message, exception.kind, exception.errors);
      if (exception.title) problem.title = exception.title;
      return problem;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const detail = typeof body === 'string' ? body : messageOf(body);
      return this.problem(status, detail);
    }
    if (isConcurrencyAbort(exception)) {
      return this.problem(
        409,
        'Outra operação alterou os mesmos dados ao mesmo tempo; nada foi gravado. Tente de novo.',
      );
    }
    // Before the database: a mail failure carries the socket error (ETIMEDOUT…) as its cause.
    if (exception instanceof MailUnavailable) {
      return this.problem(
        503,
        'O servidor de e-mail não respondeu e a mensagem não foi enviada. Tente de novo em instantes.',
        'mail-unavailable',
      );
    }
    if (isDatabaseUnavailable(exception)) {
      return this.problem(
        503,
        'O banco de dados não está acessível no momento. Tente de novo em instantes.',
        'database-unavailable',
      );
    }
    if (isBodyParserError(exception) && exception.status >= 400 && exception.status < 500) {
      const detail =
        exception.type === 'entity.parse.failed' ? 'O corpo da requisição não é um JSON válido.' : exception.message;
      return this.problem(
        exception.status,
        detail,
        exception.type === 'entity.parse.failed' ? 'malformed-body' : undefined,
      );
    }
    return this.problem(500, 'Ocorreu um erro inesperado. Informe o requestId ao suporte.');
  }

  private problem(status: number, detail?: string, slug?: string, errors?: FieldError[]): Problem {
    const problem: Problem = { type: problemType(slug), title: titleFor(status), status };
    if (detail) problem.detail = detail;
    if (errors?.length) problem.errors = errors;
    return problem;
  }
}

function messageOf(body: object): string | undefined {
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : undefined;
}
