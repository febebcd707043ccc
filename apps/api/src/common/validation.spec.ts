import { ValidationFailed } from '@acervo/domain';
import { Type } from 'class-transformer';
import { IsBoolean, IsString, MinLength, ValidateNested } from 'class-validator';
import { createValidationPipe } from './validation';

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
  @Type(() => PartyInput)
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
