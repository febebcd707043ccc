import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';
import { Conflict } from '@acervo/domain';

/** The 409 of optimistic concurrency: the record changed since the caller read its `version`. */
export function staleVersion(what = 'O registro foi alterado'): Conflict {
  return new Conflict(`${what} por outra pessoa. Recarregue e tente de novo.`, [
    { field: 'version', message: 'versão desatualizada' },
  ]);
}

/** Versions are PostgreSQL integers: past that, a number is bad input, not a stale version. */
const MAX_VERSION = 2_147_483_647;

/** The `version` a request carries: the one it read (optimistic concurrency). */
export function IsVersion(): PropertyDecorator {
  return applyDecorators(IsInt(), Min(1), Max(MAX_VERSION));
}
