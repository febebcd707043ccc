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
import { rafEventElements, rafFileBody, rafFileHead, rafFileTail } from './xml';

/** An event as the store gives it. */
const event = {
  eventId: '00000000-0000-4000-8000-000000000001',
  sequence: 7,
  processNumber: '058.2026.000123',
  classCode: 'IC',
  subjectCode: '10011',
  movementCode: '900006',
  movementName: 'Conclusão',
  occurredAt: '2026-11-05T13:00:00.000Z',
  unitCode: '058',
  performed: true,
  responsible: false,
};

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
  it('says of an event only what the file may carry, naming the event', () => {
    // Its fields as text, the two grounds folded into one basis, and nothing else.
    const { performed: _performed, responsible: _responsible, ...fields } = event;
    expect(rafEventAttributes(event)).toEqual({ ...fields, sequence: '7', basis: 'PERFORMED' });
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

describe('RAF file markup', () => {
  it('opens with the declaration, the namespaced root and the member, escaping every value', () => {
    expect(
      rafFileHead({
        exportId: 'e1',
        generatedAt: new Date('2026-12-01T10:00:00Z'),
        month: '2026-11',
        reexport: false,
        member: { id: 'm1', registrationNumber: '1234-5', cpf: null, name: 'Ana "Tê" & <Cia>\u0002' },
      }),
    ).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>' +
        '<raf xmlns="urn:acervo:raf:1" schemaVersion="1" exportId="e1" generatedAt="2026-12-01T10:00:00.000Z" competencia="2026-11" reexport="false">' +
        '<member id="m1" registrationNumber="1234-5" name="Ana &quot;Tê&quot; &amp; &lt;Cia&gt;\uFFFD"/>' +
        '<events>',
    );
  });

  it('an event is one empty element, attributes in the mapping’s order', () => {
    expect(rafEventElements([{ ...event, movementName: 'Conclusão "urgente" & <já>', responsible: true }])).toBe(
      '<event eventId="00000000-0000-4000-8000-000000000001" processNumber="058.2026.000123" sequence="7" ' +
        'classCode="IC" subjectCode="10011" movementCode="900006" ' +
        'movementName="Conclusão &quot;urgente&quot; &amp; &lt;já&gt;" occurredAt="2026-11-05T13:00:00.000Z" ' +
        'unitCode="058" basis="BOTH"/>',
    );
    expect(rafEventElements([])).toBe('');
  });

  it('closes the events with the totals and the activities, whose text keeps quotes and line breaks', () => {
    expect(
      rafFileBody(
        3,
        [{ movementCode: '900006', unitCode: '058', count: 3 }],
        [
          {
            id: 'a1',
            occurredOn: '2026-11-03',
            kindCode: 'REUNIAO',
            kindName: 'Reunião',
            unitCode: '058',
            quantity: 1,
            description: 'Rede "A" & <B>\nfim\u0007',
          },
        ],
      ),
    ).toBe(
      '</events><totals eventCount="3"><total movementCode="900006" unitCode="058" count="3"/></totals>' +
        '<activities count="1"><activity id="a1" date="2026-11-03" kindCode="REUNIAO" kindName="Reunião" unitCode="058" quantity="1">' +
        'Rede "A" &amp; &lt;B&gt;\nfim\uFFFD</activity></activities>',
    );
    expect(rafFileBody(0, [], [])).toBe('</events><totals eventCount="0"></totals><activities count="0"></activities>');
  });

  it('ends with the integrity element and the root closed', () => {
    expect(rafFileTail('ab'.repeat(32))).toBe(
      `<integrity algorithm="SHA-256" scope="preceding-bytes">${'ab'.repeat(32)}</integrity></raf>`,
    );
  });
});
