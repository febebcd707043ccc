import { ValidationFailed } from '@acervo/domain';
import type { Type } from '@nestjs/common';
import { Type as TypeOf } from 'class-transformer';
import { IsBoolean, IsString, MinLength, ValidateNested } from 'class-validator';
import { CreateHolidayDto } from '../modules/catalogues/dto/holiday.dto';
import { ReplaceLegalDeadlinesDto } from '../modules/catalogues/dto/legal-deadline.dto';
import { DocumentIdsDto, MoveDto } from '../modules/documents/dto/document.dto';
import { createValidationPipe, inputDefects } from './validation';

class PartyInput {
  @IsString()
  @MinLength(2)
  name: string;

  @IsBoolean()
  secret: boolean;
}

class ProcessInput {
  @IsString()
  summary: string;

  @ValidateNested({ each: true })
  @TypeOf(() => PartyInput)
  parties: PartyInput[];
}

describe('createValidationPipe', () => {
  const sut = createValidationPipe();
  const validate = (value: unknown) => sut.transform(value, { type: 'body', metatype: ProcessInput });

  it('returns the DTO instance for valid input', async () => {
    const result = await validate({ summary: 'Apurar', parties: [{ name: 'Ana', secret: false }] });
    expect(result).toBeInstanceOf(ProcessInput);
    expect(result.parties[0]).toBeInstanceOf(PartyInput);
  });

  it('names every bad field with a dotted path, nested ones included', async () => {
    const error = await validate({ summary: 3, parties: [{ name: 'A', secret: 'no' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    const fields = (error as ValidationFailed).errors.map((e) => e.field);
    expect(fields).toEqual(['summary', 'parties.0.name', 'parties.0.secret']);
  });

  it('refuses unknown fields, naming them', async () => {
    const error = await validate({ summary: 'x', parties: [], isAdmin: true }).catch((e: unknown) => e);
    expect((error as ValidationFailed).errors).toEqual([{ field: 'isAdmin', message: expect.any(String) }]);
  });
});

describe(inputDefects.name, () => {
  it('names every string holding a NUL character, however deep', () => {
    expect(inputDefects({ summary: 'a\u0000b', parties: [{ name: 'ok' }, { name: '\u0000' }] })).toEqual([
      { field: 'parties.1.name', message: expect.stringContaining('NUL') },
      { field: 'summary', message: expect.stringContaining('NUL') },
    ]);
    expect(inputDefects('x\u0000', 'code')).toEqual([{ field: 'code', message: expect.stringContaining('NUL') }]);
  });

  it('refuses the keys class-transformer would drop without a word', () => {
    const body = JSON.parse('{"summary": "x", "__proto__": {"isAdmin": true}, "parties": [{"constructor": 1}]}');
    expect(inputDefects(body).map((e) => e.field)).toEqual(['__proto__', 'parties.0.constructor']);
  });

  it('stops at nesting no DTO reaches, without recursing itself', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(inputDefects(deep)).toEqual([{ field: expect.any(String), message: expect.stringContaining('aninhado') }]);
    expect(inputDefects({ a: { b: { c: [1, 'x', null, true] } } })).toEqual([]);
  });
});

describe('the validation pipe on the DTOs the fuzzer found holes in', () => {
  const sut = createValidationPipe();
  const fieldsRefused = async (metatype: Type, value: unknown) => {
    const error = await sut.transform(value, { type: 'body', metatype }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    return [...new Set((error as ValidationFailed).errors.map((e) => e.field))];
  };

  it('refuses NUL characters and dropped keys in any parameter, before the DTO is built', async () => {
    const error = await sut.transform('NF\u0000', { type: 'param', data: 'code', metatype: String }).catch((e) => e);
    expect((error as ValidationFailed).errors).toEqual([{ field: 'code', message: expect.stringContaining('NUL') }]);
    expect(await fieldsRefused(ProcessInput, JSON.parse('{"summary": "x", "parties": [], "__proto__": {}}'))).toEqual([
      '__proto__',
    ]);
  });

  it('refuses a legal deadline rule whose duration or extension is missing or a list (was a 500)', async () => {
    const rule = { classCode: 'NF', duration: { amount: 30, unit: 'DAYS' }, extension: null, legalBasis: 'Res. 174' };
    await expect(
      sut.transform({ items: [rule] }, { type: 'body', metatype: ReplaceLegalDeadlinesDto }),
    ).resolves.toBeDefined();
    const { duration: _, ...withoutDuration } = rule;
    const { extension: __, ...withoutExtension } = rule;
    expect(await fieldsRefused(ReplaceLegalDeadlinesDto, { items: [withoutDuration] })).toEqual(['items.0.duration']);
    expect(await fieldsRefused(ReplaceLegalDeadlinesDto, { items: [withoutExtension] })).toEqual(['items.0.extension']);
    expect(await fieldsRefused(ReplaceLegalDeadlinesDto, { items: [{ ...rule, duration: [rule.duration] }] })).toEqual([
      'items.0.duration',
    ]);
  });

  it('refuses a lone id where a list of document ids goes (was a 500)', async () => {
    const id = '7d3f1c2a-9b4e-4c1d-8f6a-2b5e9c0d1a3f';
    expect(await fieldsRefused(DocumentIdsDto, { version: 1, documentIds: id })).toEqual(['documentIds']);
    expect(await fieldsRefused(MoveDto, { version: 1, movementCode: '900031', documentIds: id })).toEqual([
      'documentIds',
    ]);
  });

  it('checks a holiday field the scope ignores when it is sent anyway (garbage was stored silently)', async () => {
    expect(await fieldsRefused(CreateHolidayDto, { date: '2026-12-25', name: 'Natal', uf: true })).toEqual(['uf']);
    expect(await fieldsRefused(CreateHolidayDto, { date: '2026-12-25', name: 'Natal', city: 1 })).toEqual(['city']);
  });

  it('refuses a version no row can have, instead of answering it as stale (was a 409)', async () => {
    const ids = ['7d3f1c2a-9b4e-4c1d-8f6a-2b5e9c0d1a3f'];
    for (const version of [1e308, 2 ** 31, 2 ** 53 + 1, 0, 1.5])
      expect(await fieldsRefused(DocumentIdsDto, { version, documentIds: ids })).toEqual(['version']);
    const largest = { version: 2 ** 31 - 1, documentIds: ids };
    await expect(sut.transform(largest, { type: 'body', metatype: DocumentIdsDto })).resolves.toEqual(largest);
  });
});
