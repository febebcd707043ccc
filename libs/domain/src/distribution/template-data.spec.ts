import { distributionTags } from './template-data';

describe('distributionTags: the ${distribuicao.*} values of the latest distribution', () => {
  it('writes Brazilian dates and the distributor', () => {
    expect(
      distributionTags({
        startsOn: '2026-03-09',
        endsOn: '2026-11-23',
        distributor: { registrationNumber: '12345-6', fullName: 'Maria Gerente' },
      }),
    ).toEqual({
      'distribuicao.dataInicial': '09/03/2026',
      'distribuicao.dataFinal': '23/11/2026',
      'distribuicao.distribuidor.matricula': '12345-6',
      'distribuicao.distribuidor.pessoaFisica.nome': 'Maria Gerente',
    });
  });

  it('leaves what is missing empty: a running distribution, a distributor without matrícula, no distribution', () => {
    const running = distributionTags({
      startsOn: '2026-01-02',
      endsOn: null,
      distributor: { registrationNumber: null, fullName: 'Ana' },
    });
    expect(running['distribuicao.dataFinal']).toBe('');
    expect(running['distribuicao.distribuidor.matricula']).toBe('');
    expect(Object.values(distributionTags(null))).toEqual(['', '', '', '']);
    const unknown = distributionTags({ startsOn: '2025-05-05', endsOn: null, distributor: null });
    expect(unknown['distribuicao.distribuidor.pessoaFisica.nome']).toBe('');
  });
});
