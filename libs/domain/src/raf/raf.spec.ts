import {
  rafActivityAttributes,
  rafBasis,
  rafEventAttributes,
  rafMemberAttributes,
  rafWarnings,
  xmlAttribute,
  xmlText,
} from './mapping';
import { rafMonthBounds, rafMonthProblems } from './month';

describe('RAF competência', () => {
  it('spans the month in the institution zone, December into January included', () => {
    expect(rafMonthBounds('2026-11', 'America/Sao_Paulo')).toEqual({
      from: new Date('2026-11-01T03:00:00Z'),
      to: new Date('2026-12-01T03:00:00Z'),
    });
    expect(rafMonthBounds('2026-12', 'America/Sao_Paulo').to).toEqual(new Date('2027-01-01T03:00:00Z'));
    expect(rafMonthBounds('2024-02', 'UTC')).toEqual({
      from: new Date('2024-02-01T00:00:00Z'),
      to: new Date('2024-03-01T00:00:00Z'),
    });
  });

  it('refuses a malformed or future competência; the current one is fine', () => {
    expect(rafMonthProblems('2026-11', '2026-11-23')).toEqual([]);
    expect(rafMonthProblems('2026-10', '2026-11-23')).toEqual([]);
    expect(rafMonthProblems('2026-12', '2026-11-23')).toEqual([{ field: 'month', message: 'competência futura' }]);
    for (const bad of ['2026-13', '2026-1', '26-11', '2026-11-01', '']) {
      expect(rafMonthProblems(bad, '2026-11-23')).toEqual([
        { field: 'month', message: 'competência no formato AAAA-MM' },
      ]);
    }
  });
});

describe('RAF mapping', () => {
  const event = {
    eventId: '00000000-0000-4000-8000-000000000001',
    sequence: 7,
    processNumber: '058.2026.000123',
    classCode: 'IC',
    subjectCode: '10011',
    movementCode: '900006',
    movementName: 'Conclusão',
    occurredAt: new Date('2026-11-05T13:00:00Z'),
    unitCode: '058',
    performed: true,
    responsible: false,
  };

  it('says of an event only what the file may carry, naming the event', () => {
    expect(rafEventAttributes(event)).toEqual({
      eventId: event.eventId,
      processNumber: '058.2026.000123',
      sequence: '7',
      classCode: 'IC',
      subjectCode: '10011',
      movementCode: '900006',
      movementName: 'Conclusão',
      occurredAt: '2026-11-05T13:00:00.000Z',
      unitCode: '058',
      basis: 'PERFORMED',
    });
  });

  it('basis: performed, responsible through distribution, or both', () => {
    expect(rafBasis(true, true)).toBe('BOTH');
    expect(rafBasis(false, true)).toBe('RESPONSIBLE');
    expect(rafBasis(true, false)).toBe('PERFORMED');
  });

  it('an activity: date, kind, unit, quantity (the description is the element text)', () => {
    expect(
      rafActivityAttributes({
        id: 'a1',
        occurredOn: '2026-11-03',
        kindCode: 'REUNIAO',
        kindName: 'Reunião',
        unitCode: '058',
        quantity: 2,
        description: 'Reunião com o Conselho Tutelar',
      }),
    ).toEqual({
      id: 'a1',
      date: '2026-11-03',
      kindCode: 'REUNIAO',
      kindName: 'Reunião',
      unitCode: '058',
      quantity: '2',
    });
  });
});

describe('RAF text in XML', () => {
  it('replaces what XML 1.0 forbids; attributes lose tabs and line breaks', () => {
    expect(xmlText('Ata\u0002 colada\u001f do Word\uFFFE')).toBe('Ata\uFFFD colada\uFFFD do Word\uFFFD');
    expect(xmlText('linha 1\nlinha\t2\r')).toBe('linha 1\nlinha\t2\r');
    expect(xmlText('par \uD83D\uDE00 ok, só \uD83D alto e \uDE00 baixo')).toBe(
      'par \uD83D\uDE00 ok, só \uFFFD alto e \uFFFD baixo',
    );
    expect(xmlAttribute('Maria\u000bSouza\tda\nSilva')).toBe('Maria\uFFFDSouza da Silva');
    expect(rafMemberAttributes({ id: 'x', registrationNumber: '1\u0000', cpf: null, name: 'A\nB' })).toEqual({
      id: 'x',
      registrationNumber: '1\uFFFD',
      name: 'A B',
    });
    expect(rafMemberAttributes({ id: 'x', registrationNumber: ' ', cpf: '12345678909', name: 'A' })).toEqual({
      id: 'x',
      cpf: '12345678909',
      name: 'A',
    });
    expect(rafWarnings(null)).toHaveLength(1);
    expect(rafWarnings('123')).toEqual([]);
  });

  it('years outside 1900–2999 are not a competência', () => {
    expect(rafMonthProblems('0050-01', '2026-11-23')).toHaveLength(1);
    expect(rafMonthProblems('1899-12', '2026-11-23')).toHaveLength(1);
  });
});
