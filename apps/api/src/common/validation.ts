import { type FieldError, ValidationFailed } from '@acervo/domain';
import { type ArgumentMetadata, type Type, ValidationPipe, type ValidationError } from '@nestjs/common';
import { inPortuguese } from './validation-messages';

/** Flattens class-validator's tree into `{field, message}` with dotted paths (`parties.0.name`), in Portuguese. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: inPortuguese(message) }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

/** Deeper than any DTO goes; class-transformer recurses, and a deeper body would overflow its stack. */
export const MAX_INPUT_DEPTH = 32;

/**
 * Keys class-transformer drops without a word (prototype-pollution guard), so the
 * whitelist never sees them: refused here, as any other unknown field.
 */
const SILENTLY_DROPPED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * What no DTO check would catch in time: NUL characters (PostgreSQL text cannot hold
 * them: the insert would fail with a 500), keys the transformer drops silently, and
 * nesting deep enough to overflow the transformer. Walked without recursion.
 */
export function inputDefects(value: unknown, root = ''): FieldError[] {
  const errors: FieldError[] = [];
  const pending: [unknown, string, number][] = [[value, root, 0]];
  while (pending.length && errors.length < 20) {
    const [node, field, depth] = pending.pop()!;
    if (typeof node === 'string') {
      if (node.includes('\u0000'))
        errors.push({ field, message: 'contém o caractere NUL (\\u0000), que não é aceito' });
      continue;
    }
    if (typeof node !== 'object' || node === null || Buffer.isBuffer(node)) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      errors.push({ field, message: `aninhado além de ${MAX_INPUT_DEPTH} níveis` });
      continue;
    }
    for (const key of Object.keys(node)) {
      const path = field ? `${field}.${key}` : key;
      if (SILENTLY_DROPPED_KEYS.has(key)) errors.push({ field: path, message: 'campo desconhecido' });
      else pending.push([(node as Record<string, unknown>)[key], path, depth + 1]);
    }
  }
  return errors;
}

/** Nest's ValidationPipe, after a look at the raw input for what it would miss (see inputDefects). */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Custom parameters (the actor, an uploaded file) are the server's, not the client's.
    if (metadata.type !== 'custom') {
      const defects = inputDefects(value, metadata.data ?? '');
      if (defects.length) throw new ValidationFailed(defects);
    }
    return super.transform(value, metadata);
  }
}

/**
 * Unknown fields are refused, input is converted to the DTO's types, every error is named.
 * `expectedType` serves handlers whose DTO class is chosen at run time (generic controllers).
 */
export function createValidationPipe(expectedType?: Type): ValidationPipe {
  return new InputValidationPipe({
    expectedType,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailed(fieldErrors(errors)),
  });
}
