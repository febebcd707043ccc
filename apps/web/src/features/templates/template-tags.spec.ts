import { describe, expect, it } from 'vitest';
import ptBR from '../../locales/pt-BR.json';
import { TAG_CHOICES, tagProblems } from './template-tags';

describe('template tags in the editor', () => {
  it('offers every homologated tag, each described in Portuguese', () => {
    const described = ptBR.templates.tags as Record<string, string>;
    expect(TAG_CHOICES.map((c) => c.insert)).toContain('${processo.numeracao.numero}');
    for (const choice of TAG_CHOICES) expect(described[choice.key]).toBeTruthy();
  });

  it('inserts the party tags as one paragraph the server accepts', () => {
    const party = TAG_CHOICES.find((c) => c.key === 'interessado')!;
    expect(party.insert).toBe('${interessado}${interessado.tipoInteressado.nome}: ${interessado.nome}');
    expect(tagProblems(`<p>${party.insert}</p>`)).toEqual([]);
  });

  it('names an unknown tag and where it is, as the server does', () => {
    expect(tagProblems('<p>Processo ${processo.numero}</p>')).toEqual([
      'tag desconhecida ${processo.numero} na posição 12',
    ]);
  });

  it('reads the body as it will be saved: Quill non-breaking spaces do not move positions', () => {
    expect(tagProblems('<p>a&nbsp;${x}</p>')).toEqual(['tag desconhecida ${x} na posição 5']);
  });

  it('refuses a party tag outside a paragraph and a malformed tag', () => {
    expect(tagProblems('<h1>${interessado.nome}</h1><p>${dia</p>')).toHaveLength(2);
  });
});
