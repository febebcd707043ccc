import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { createValidationPipe } from './validation';
import { inPortuguese } from './validation-messages';
import { DocumentIdsDto } from '../modules/documents/dto/document.dto';
import { ValidationFailed } from '@acervo/domain';

class Input {
  @IsInt()
  @Min(1)
  @Max(10)
  count: number;

  @Length(2, 5)
  code: string;

  @IsBoolean()
  secret: boolean;

  @IsUUID()
  unitId: string;

  @IsEmail()
  email: string;

  @IsEnum({ A: 'A', B: 'B' })
  kind: string;

  @ArrayMaxSize(2)
  @ArrayUnique()
  tags: string[];

  @Min(1, { message: 'mensagem do próprio DTO' })
  own: number;
}

describe(inPortuguese.name, () => {
  const messages = async (value: object) => {
    const error = await createValidationPipe()
      .transform(value, { type: 'body', metatype: Input })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    return Object.fromEntries((error as ValidationFailed).errors.map((e) => [e.field, e.message]));
  };

  it("says class-validator's defaults in Portuguese, with their numbers and values", async () => {
    expect(
      await messages({
        count: 1.5,
        code: 'x',
        secret: 'sim',
        unitId: 'nao-e-uuid',
        email: 'sem-arroba',
        kind: 'C',
        tags: ['a', 'a', 'b'],
        own: 0,
        extra: 1,
      }),
    ).toEqual({
      count: 'deve ser um número inteiro',
      code: 'deve ter ao menos 2 caracteres',
      secret: 'deve ser true ou false',
      unitId: 'deve ser um UUID',
      email: 'deve ser um endereço de e-mail',
      kind: 'deve ser um destes valores: A, B',
      tags: 'deve ter no máximo 2 itens',
      own: 'mensagem do próprio DTO',
      extra: 'campo desconhecido',
    });
  });

  it('keeps every failed constraint of a field, each in Portuguese', async () => {
    const error = await createValidationPipe()
      .transform(
        {
          count: 0,
          code: 'longo demais',
          secret: true,
          unitId: '7d3f1c2a-9b4e-4c1d-8f6a-2b5e9c0d1a3f',
          email: 'a@b.co',
          kind: 'A',
          tags: ['a', 'a'],
          own: 1,
        },
        { type: 'body', metatype: Input },
      )
      .catch((e: unknown) => e as ValidationFailed);
    expect(error.errors).toEqual([
      { field: 'count', message: 'não pode ser menor que 1' },
      { field: 'code', message: 'deve ter no máximo 5 caracteres' },
      { field: 'tags', message: 'não pode repetir itens' },
    ]);
  });

  it('tells a version past PostgreSQL integers in the same words', async () => {
    const error = await createValidationPipe()
      .transform({ version: 2 ** 31, documentIds: [] }, { type: 'body', metatype: DocumentIdsDto })
      .catch((e: unknown) => e as ValidationFailed);
    expect(error.errors).toEqual([{ field: 'version', message: 'não pode ser maior que 2147483647' }]);
  });

  it('leaves any other message as it is', () => {
    expect(inPortuguese('CPF inválido (dígitos verificadores)')).toBe('CPF inválido (dígitos verificadores)');
    expect(inPortuguese('versão desatualizada')).toBe('versão desatualizada');
  });
});
