/**
 * Domain errors carry what the API needs to answer with RFC 9457 problem details,
 * without the domain knowing anything about HTTP.
 */
export type DomainErrorKind =
  'validation' | 'not_found' | 'conflict' | 'forbidden' | 'unauthenticated' | 'rate_limited';

export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  /** A title of its own, where the answer must be recognisable (public consultation). */
  readonly title?: string;

  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that breaks a rule; names each offending field. */
export class ValidationFailed extends DomainError {
  constructor(errors: FieldError[], message = 'A entrada contém campos inválidos.') {
    super('validation', message, errors);
  }
}

export class NotFound extends DomainError {
  constructor(message: string) {
    super('not_found', message);
  }
}

export class Conflict extends DomainError {
  constructor(message: string, errors: FieldError[] = []) {
    super('conflict', message, errors);
  }
}

export class Forbidden extends DomainError {
  constructor(message: string, errors: FieldError[] = []) {
    super('forbidden', message, errors);
  }
}
