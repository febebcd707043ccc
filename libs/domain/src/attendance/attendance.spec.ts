import { attendanceProblems, attendanceTermHtml, citizenStatus, mayAttendIn, mayReadAttendancesOf } from './attendance';
import { canonicalAttendanceProtocol, formatAttendanceProtocol } from './protocol';

const visit = {
  kind: 'VISIT' as const,
  personName: 'Maria das Dores',
  personCpf: '529.982.247-25',
  account: 'Relato.',
};
const complaint = {
  ...visit,
  kind: 'COMPLAINT' as const,
  supplierCnpj: '11.222.333/0001-81',
  supplierName: 'Telefonia Exemplo S.A.',
  complaintCategory: 'COBRANCA_INDEVIDA',
};
const fields = (p: { field: string }[]) => p.map((e) => e.field);

describe(attendanceProblems.name, () => {
  it('accepts a visit and a complaint with everything in order', () => {
    expect(attendanceProblems(visit)).toEqual([]);
    expect(attendanceProblems(complaint)).toEqual([]);
  });

  it('names each problem: the CPF, an empty account, a blank name', () => {
    expect(
      fields(attendanceProblems({ ...visit, personCpf: '529.982.247-26', account: '  ', personName: '' })),
    ).toEqual(['personName', 'personCpf', 'account']);
  });

  it('asks a complaint for a valid supplier CNPJ, its name and a known category', () => {
    expect(
      fields(
        attendanceProblems({
          ...complaint,
          supplierCnpj: '11.222.333/0001-82',
          supplierName: '',
          complaintCategory: 'X',
        }),
      ),
    ).toEqual(['supplierCnpj', 'supplierName', 'complaintCategory']);
  });

  it('refuses supplier fields on a visit', () => {
    expect(fields(attendanceProblems({ ...visit, supplierCnpj: '11222333000181' }))).toEqual(['supplierCnpj']);
  });
});

describe('protocol numbers', () => {
  it('are {unitCode}.{year}.A{sequential}', () => {
    expect(formatAttendanceProtocol('058', 2026, 12)).toBe('058.2026.A000012');
  });

  it('read back what a citizen types, in any case, and nothing else', () => {
    expect(canonicalAttendanceProtocol(' 058.2026.a12 ')).toBe('058.2026.A000012');
    expect(canonicalAttendanceProtocol('058.2026.000012')).toBeNull();
    expect(canonicalAttendanceProtocol("058.2026.A1' OR 1=1")).toBeNull();
  });
});

describe(citizenStatus.name, () => {
  it('tells open from forwarded, never which process', () => {
    expect(citizenStatus(null)).toMatch(/^Registrado/);
    expect(citizenStatus('CONVERTED')).toBe(citizenStatus('ATTACHED'));
  });
});

describe('who attends', () => {
  const actor = (profile: 'PROTOCOL' | 'INTERN' | 'ANALYST' | 'INSPECTOR', secretaria = false) => ({
    userId: 'me',
    assignments: [{ unitId: 'u1', profile, secretaria }],
  });

  it('records: who registers processes in the unit, and its Protocolo', () => {
    expect(mayAttendIn(actor('PROTOCOL'), 'u1')).toBe(true);
    expect(mayAttendIn(actor('ANALYST'), 'u1')).toBe(true);
    expect(mayAttendIn(actor('INSPECTOR'), 'u1')).toBe(false);
    expect(mayAttendIn(actor('PROTOCOL'), 'u2')).toBe(false);
  });

  it('reads: the unit’s staff, never an intern nor another unit', () => {
    expect(mayReadAttendancesOf(actor('INSPECTOR'), 'u1')).toBe(true);
    expect(mayReadAttendancesOf(actor('INTERN'), 'u1')).toBe(false);
    expect(mayReadAttendancesOf(actor('ANALYST'), 'u2')).toBe(false);
  });
});

describe(attendanceTermHtml.name, () => {
  it('writes the term with every value escaped and the account in paragraphs', () => {
    const html = attendanceTermHtml({
      protocol: '058.2026.A000001',
      unitName: '58ª PJ',
      attendedOn: '23/11/2026',
      staffName: 'Ana',
      personName: 'Maria <script>',
      personCpf: '52998224725',
      personContact: null,
      subject: '10011 — Improbidade',
      account: 'Primeiro parágrafo.\n\nSegundo & último.',
    });
    expect(html).toContain('Maria &lt;script&gt;, CPF 529.982.247-25');
    expect(html).toContain('<p>Primeiro parágrafo.</p>\n<p>Segundo &amp; último.</p>');
    expect(html).not.toContain('Contato');
  });
});
