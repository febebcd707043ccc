import { ValidationFailed } from '@acervo/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** `?limit=&cursor=` of every list (API.md): keyset pagination, never OFFSET. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

/** Position after the last item of a page: its sort key and id (ties broken by id). */
export interface KeysetPosition {
  key: string;
  id: string;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.key, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): KeysetPosition | undefined {
  if (!cursor) return undefined;
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof key === 'string' && typeof id === 'string') return { key, id };
  } catch {
    // fall through
  }
  throw new ValidationFailed([{ field: 'cursor', message: 'cursor inválido' }]);
}

/** Cuts the one extra row fetched into the page and the next cursor. */
export function toPage<T extends { id: string }>(rows: T[], limit: number, keyOf: (row: T) => string) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor({ key: keyOf(last), id: last.id }) : null,
  };
}

export { cursorInstantSql } from '@acervo/persistence';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An instant as the cursors write it (ISO 8601 in UTC, up to microseconds): what PostgreSQL takes. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const INT4 = /^\d{1,10}$/;

/**
 * A keyset cursor whose key holds `parts` values joined by `|` — a timestamp, then
 * integers — and whose id is a UUID: checked here, so a crafted cursor is a 400, never a
 * database error.
 */
export function decodeTimeCursor(cursor: string | undefined, parts = 1): { key: string[]; id: string } | undefined {
  const after = decodeCursor(cursor);
  if (!after) return undefined;
  const key = after.key.split('|');
  const valid =
    key.length === parts &&
    INSTANT.test(key[0]) &&
    !Number.isNaN(Date.parse(key[0])) &&
    key.slice(1).every((k) => INT4.test(k) && Number(k) <= 2_147_483_647) &&
    UUID.test(after.id);
  if (!valid) throw new ValidationFailed([{ field: 'cursor', message: 'cursor inválido' }]);
  return { key, id: after.id };
}
