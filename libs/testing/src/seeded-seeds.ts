import { createHash } from 'node:crypto';
import type { SeedSource } from '@acervo/domain';

/**
 * Repeatable batch seeds for tests: SHA-256 of a label and a counter. Only tests use it,
 * so a statistical check gives the same verdict on every run.
 */
export function seededSeeds(label: string): SeedSource {
  let counter = 0;
  return { newSeed: () => createHash('sha256').update(`${label}:${counter++}`).digest() };
}
