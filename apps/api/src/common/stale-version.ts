import { Conflict } from '@acervo/domain';

/** The 409 of optimistic concurrency: the record changed since the caller read its `version`. */
export function staleVersion(what = 'O registro foi alterado'): Conflict {
  return new Conflict(`${what} por outra pessoa. Recarregue e tente de novo.`, [
    { field: 'version', message: 'versão desatualizada' },
  ]);
}
