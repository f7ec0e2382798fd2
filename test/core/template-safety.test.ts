// Templates come from other people's packs: dangerous constructs are refused with a clear reason.
import { describe, expect, it } from 'vitest';
import { renderTemplate, Slots, TemplateError, validateTemplate } from '../../core/assemble/template.js';

describe('模板安全', () => {
  it.each([
    ['{{constructor}}', 'constructor'],
    ['{{__proto__}}', '__proto__'],
    ['{{a.constructor.name}}', 'a.constructor.name'],
    ['{{lookup this "constructor"}}', 'lookup'],
    ['{{{a}}}', '{{{ }}}'],
    ['{{> partial}}', '局部模板'],
    ['{{log a}}', 'log'],
  ])('refuses %s', (source, named) => {
    expect(() => validateTemplate(source)).toThrow(TemplateError);
    expect(() => validateTemplate(source)).toThrow(named);
  });

  it('refuses a template that expands beyond the output limit', () => {
    const rows = Array.from({ length: 5000 }, () => ({}));
    const source = '{{#each rows}}' + 'x'.repeat(1100) + '{{/each}}';
    expect(() => renderTemplate(source, { rows }, new Slots())).toThrow(/过长/);
  });

  it('reports a syntax error as a template error, not a crash', () => {
    expect(() => validateTemplate('{{#each items}}')).toThrow(/语法错误/);
  });

  it('still renders ordinary templates', () => {
    expect(renderTemplate('{{#if (gte n 24)}}长{{else}}短{{/if}}', { n: 36 }, new Slots())).toBe('长');
  });
});
