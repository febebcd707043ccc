import { type FieldError, ValidationFailed } from '@acervo/domain';
import { type Type, ValidationPipe, type ValidationError } from '@nestjs/common';

/** Flattens class-validator's tree into `{field, message}` with dotted paths (`parties.0.name`). */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

/**
 * Unknown fields are refused, input is converted to the DTO's types, every error is named.
 * `expectedType` serves handlers whose DTO class is chosen at run time (generic controllers).
 */
export function createValidationPipe(expectedType?: Type): ValidationPipe {
  return new ValidationPipe({
    expectedType,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailed(fieldErrors(errors)),
  });
}
