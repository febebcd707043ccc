import { ValidateBy, type ValidationOptions } from 'class-validator';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A real calendar day written `YYYY-MM-DD` (no time, no 31 February), between 1900 and
 * 2999 — nothing the office dates falls outside, and date arithmetic stays in range.
 */
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
          return (
            y >= 1900 &&
            y <= 2999 &&
            date.getUTCFullYear() === y &&
            date.getUTCMonth() === m - 1 &&
            date.getUTCDate() === d
          );
        },
        defaultMessage: () => '$property deve ser uma data AAAA-MM-DD',
      },
    },
    options,
  );
}
