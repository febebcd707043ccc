import { ValidateBy, type ValidationOptions } from 'class-validator';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written `YYYY-MM-DD` (no time, no 31 February): one rule, one message. */
export function IsCalendarDay(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDay',
      validator: {
        validate: (value: unknown) => {
          const match = typeof value === 'string' ? DAY.exec(value) : null;
          if (!match) return false;
          const [y, m, d] = match.slice(1).map(Number);
          const date = new Date(Date.UTC(y, m - 1, d));
          return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
        },
        defaultMessage: () => '$property deve ser uma data AAAA-MM-DD',
      },
    },
    options,
  );
}
