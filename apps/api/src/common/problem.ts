import type { DomainErrorKind, FieldError } from '@acervo/domain';

/** RFC 9457 problem details, as every error of the API is answered. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  requestId?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const STATUS_OF_KIND: Readonly<Record<DomainErrorKind, number>> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

const TITLES: Readonly<Record<number, string>> = {
  400: 'Requisição inválida',
  401: 'Não autenticado',
  403: 'Acesso negado',
  404: 'Não encontrado',
  405: 'Método não permitido',
  409: 'Conflito',
  413: 'Conteúdo grande demais',
  415: 'Tipo de conteúdo não suportado',
  422: 'Entrada não processável',
  429: 'Muitas requisições',
  500: 'Erro interno',
  503: 'Serviço indisponível',
};

/** Problem type URIs: a stable name per kind of error, `about:blank` for plain HTTP ones. */
export function problemType(slug?: string): string {
  return slug ? `urn:acervo:problem:${slug}` : 'about:blank';
}

export function titleFor(status: number): string {
  return TITLES[status] ?? (status >= 500 ? TITLES[500] : TITLES[400]);
}
