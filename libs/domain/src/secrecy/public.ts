import { DomainError } from '../errors';
import type { SecrecyLevel } from './policy';

/**
 * What public consultation (DOMAIN §9) answers for a number: the cover with events and
 * decisory documents (level 0); full content with the process key (level 1); "Processo
 * sigiloso" (levels 2–4, and level 1 without the key); for level 5, exactly what an
 * unknown number gets.
 */
export type PublicAnswer =
  | { kind: 'shown'; documents: 'decisory' | 'all' }
  | { kind: 'key_required' }
  | { kind: 'secret' }
  | { kind: 'not_found' };

export function publicAnswer(level: SecrecyLevel | null, keyMatches: boolean): PublicAnswer {
  if (level === null || level === 5) return { kind: 'not_found' };
  if (level === 0) return { kind: 'shown', documents: 'decisory' };
  if (level === 1) return keyMatches ? { kind: 'shown', documents: 'all' } : { kind: 'key_required' };
  return { kind: 'secret' };
}

export class PublicProcessNotFound extends DomainError {
  override readonly title = 'Processo não encontrado';
  constructor() {
    super('not_found', 'Não há processo público com este número.');
  }
}

export class PublicProcessSecret extends DomainError {
  override readonly title = 'Processo sigiloso';
  constructor(detail = 'O processo é sigiloso e não pode ser consultado publicamente.') {
    super('forbidden', detail);
  }
}
