// The parsed Markdown of a clause is reused between assemblies (the live preview assembles on every keystroke);
// the values in it must still be the ones of the current assembly.
import { describe, expect, it } from 'vitest';
import { markdownToBlocks } from '@core/assemble/markdown.js';
import { Slots } from '@core/assemble/template.js';

describe('markdownToBlocks reuses parsed text, never old values', () => {
  it('the same clause text with other values in its slots gives the new values', () => {
    const first = new Slots();
    const source = `响应时间：**${first.put('integer', 2)}**小时\n\n1. 备件库：${first.put('text', '北京')}`;
    const second = new Slots();
    second.put('integer', 4);
    second.put('text', '上海');
    expect(markdownToBlocks(source, first)).toEqual([
      { kind: 'paragraph', runs: [{ text: '响应时间：' }, { text: '2', bold: true }, { text: '小时' }] },
      { kind: 'listItem', ordered: true, depth: 1, start: true, runs: [{ text: '备件库：北京' }] },
    ]);
    const again = markdownToBlocks(source, second);
    expect(again).toEqual([
      { kind: 'paragraph', runs: [{ text: '响应时间：' }, { text: '4', bold: true }, { text: '小时' }] },
      { kind: 'listItem', ordered: true, depth: 1, start: true, runs: [{ text: '备件库：上海' }] },
    ]);
    // Blocks are fresh objects each time: a caller changing them cannot change the next result.
    (again[0] as { runs: { text: string }[] }).runs[0]!.text = '改了';
    expect(markdownToBlocks(source, second)[0]).toEqual({
      kind: 'paragraph',
      runs: [{ text: '响应时间：' }, { text: '4', bold: true }, { text: '小时' }],
    });
  });
});
