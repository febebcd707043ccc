import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Actor } from '../processes/acting';
import type { Profile } from '../profiles';
import { templateContext, type TemplateSource } from './context';
import { renderTemplate, templateProblems } from './render';
import { monthInPortuguese, TEMPLATE_TAGS } from './tags';
import { mayManageTemplates } from './who';

const golden = (name: string) => readFileSync(join(__dirname, 'golden', name), 'utf8');

const source: TemplateSource = {
  process: {
    number: '058.2026.000123',
    originNumber: '0001234-56.2026.8.02.0001',
    classCode: 'IC',
    className: 'Inquérito Civil',
    subjectCode: '10011',
    subjectName: 'Improbidade & afins',
    registeredOn: '2026-03-09',
    creatingUnitName: '58ª Promotoria de Justiça da Capital',
    currentUnitName: 'Centro de Distribuição',
    currentUnitCity: 'Maceió',
    currentUnitUf: 'AL',
  },
  documentNumber: '3',
  today: '2026-11-05',
  distribution: {
    startsOn: '2026-03-10',
    endsOn: null,
    distributor: { registrationNumber: '12345-6', fullName: 'Maria Gerente' },
  },
  parties: [
    { name: 'Maria <Denunciante> da Silva', type: 'Representante', secret: false },
    { name: 'Criança Protegida', type: 'Vítima', secret: true },
    { name: '${processo.numeroOrigem}', type: 'Investigado', secret: false },
  ],
  authorSeesFull: false,
};

describe('templates: the homologated tags', () => {
  it('renders every tag (golden file): parties repeated, a secret one masked, values escaped, never re-read', () => {
    const body = golden('every-tag.template.html');
    expect(templateProblems(body)).toEqual([]);
    expect(renderTemplate(body, templateContext(source))).toBe(golden('every-tag.rendered.html'));
  });

  it('the golden template uses every homologated tag', () => {
    const body = golden('every-tag.template.html');
    for (const tag of TEMPLATE_TAGS) expect(body).toContain(`\${${tag}}`);
  });

  it('shows a secret party to an author who sees the full content', () => {
    const html = renderTemplate(
      '<p>${interessado}${interessado.nome}</p>',
      templateContext({ ...source, authorSeesFull: true }),
    );
    expect(html).toContain('Criança Protegida');
  });

  it('drops the party paragraph when there is no party; an empty origin number renders empty', () => {
    const context = templateContext({ ...source, parties: [], process: { ...source.process, originNumber: null } });
    expect(
      renderTemplate('<p>A</p><p>${interessado}${interessado.nome}</p><p>[${processo.numeroOrigem}]</p>', context),
    ).toBe('<p>A</p><p>[]</p>');
  });

  it('repeats the innermost paragraph: a party item in a nested list, a <p> inside an item', () => {
    const two = templateContext({ ...source, parties: source.parties.slice(0, 2), authorSeesFull: true });
    expect(
      renderTemplate('<ol><li>Partes:<ul><li>${interessado}${interessado.nome}</li></ul></li><li>Fatos</li></ol>', two),
    ).toBe(
      '<ol><li>Partes:<ul><li>Maria &lt;Denunciante&gt; da Silva</li><li>Criança Protegida</li></ul></li><li>Fatos</li></ol>',
    );
    expect(renderTemplate('<ol><li><p>Partes:</p><p>${interessado}${interessado.nome}</p></li></ol>', two)).toBe(
      '<ol><li><p>Partes:</p><p>Maria &lt;Denunciante&gt; da Silva</p><p>Criança Protegida</p></li></ol>',
    );
    // A party tag whose paragraph holds another is not in an innermost one: refused when saved.
    expect(templateProblems('<li>${interessado.nome}<ul><li>CPF</li></ul></li>')).toHaveLength(1);
  });

  it('a name of no tag, like constructor, never reaches a value (rendering unvalidated bodies does not crash)', () => {
    expect(renderTemplate('<p>${constructor}${toString}</p>', templateContext(source))).toBe('<p></p>');
  });

  it('writes every month in Portuguese and the day without padding', () => {
    expect(Array.from({ length: 12 }, (_, i) => monthInPortuguese(i + 1))).toEqual([
      'janeiro',
      'fevereiro',
      'março',
      'abril',
      'maio',
      'junho',
      'julho',
      'agosto',
      'setembro',
      'outubro',
      'novembro',
      'dezembro',
    ]);
    const html = renderTemplate(
      '<p>${dia} de ${mesExtenso} de ${ano}</p>',
      templateContext({ ...source, today: '2027-01-01' }),
    );
    expect(html).toBe('<p>1 de janeiro de 2027</p>');
  });

  it('names each unknown or malformed tag and its position; party tags only inside a paragraph', () => {
    expect(templateProblems('<p>${processo.numero} e ${ano</p> ${} ${a b} ${interessado.nome}')).toEqual([
      { field: 'body', message: 'tag desconhecida ${processo.numero} na posição 3' },
      { field: 'body', message: 'tag malformada ${ na posição 24' },
      { field: 'body', message: 'tag malformada ${} na posição 34' },
      { field: 'body', message: 'tag malformada ${a b} na posição 38' },
      {
        field: 'body',
        message:
          'a tag ${interessado.nome} na posição 45 deve estar dentro de um parágrafo (<p> ou <li>) sem outro dentro',
      },
    ]);
    expect(templateProblems('<p>Sem tags, só $ e { } soltos.</p>')).toEqual([]);
  });

  it('fuzzed bodies never crash; rendering never lets a value become markup or a tag', () => {
    const pieces = fc.constantFrom(
      '${',
      '}',
      '$',
      '<p>',
      '</p>',
      '<li>',
      '</li>',
      '<script>alert(1)</script>',
      ...TEMPLATE_TAGS.map((t) => `\${${t}}`),
      'texto ',
      '${constructor}',
      '<ul><li>',
      '</ul>',
    );
    const body = fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 40 }).map((a) => a.join(''));
    const evil = fc.string({ maxLength: 20 }).map((s) => `<img src=x onerror=alert(1)>${s}\${dia}`);
    fc.assert(
      fc.property(body, evil, (text, value) => {
        const problems = templateProblems(text);
        const context = templateContext({
          ...source,
          parties: [{ name: value, type: value, secret: false }],
          process: { ...source.process, subjectName: value },
        });
        const html = renderTemplate(text, context);
        // Whatever the body, the hostile value appears only escaped.
        expect(html).not.toContain('<img');
        expect(Array.isArray(problems)).toBe(true);
      }),
      { numRuns: 2_000, seed: 7 },
    );
  });
});

describe('templates: who writes them', () => {
  const actor = (profile: Profile, unitId: string | null = 'u1'): Actor => ({
    userId: 'a',
    assignments: [{ unitId, profile, secretaria: false, linkedMemberId: null }],
  });

  it('ADMIN the institution’s; members their unit’s; nobody else', () => {
    expect(mayManageTemplates(actor('ADMIN', null), null)).toBe(true);
    expect(mayManageTemplates(actor('ADMIN', null), 'u1')).toBe(false);
    for (const profile of ['CHIEF', 'MEMBER', 'ON_DUTY'] as const) {
      expect(mayManageTemplates(actor(profile), 'u1')).toBe(true);
      expect(mayManageTemplates(actor(profile), 'u2')).toBe(false);
      expect(mayManageTemplates(actor(profile), null)).toBe(false);
    }
    for (const profile of ['MANAGER', 'ANALYST', 'ASSISTANT', 'INTERN', 'INSPECTOR', 'PROTOCOL'] as const) {
      expect(mayManageTemplates(actor(profile), 'u1')).toBe(false);
    }
  });
});
