// Property-based tests: invariants that must hold for every input, not just the hand-picked hard cases.
// The decoders here are written independently of nzh, so a round trip checks the library rather than itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberBlocks } from '@core/assemble/assemble.js';
import type { RawBlock } from '@core/assemble/markdown.js';
import { addMonths, chineseNumeral, rmbUppercase } from '@core/format/zh.js';
import { isValidIsoDate } from '@core/model/variables.js';

const DIGIT: Record<string, number> = {
  零: 0,
  壹: 1,
  贰: 2,
  叁: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  柒: 7,
  捌: 8,
  玖: 9,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000, 十: 10, 百: 100, 千: 1000 };
const BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Reads a Chinese integer (一百零一, 壹万贰仟捌佰) back into a number. */
function decodeInteger(s: string): number {
  let total = 0; // completed 亿 groups
  let section = 0; // completed 万 group inside the current 亿
  let group = 0; // below 万
  let digit = 0;
  for (const ch of s) {
    if (ch in DIGIT) digit = DIGIT[ch]!;
    else if (ch in SMALL) {
      // 十 at the start means 一十.
      group += (digit || 1) * SMALL[ch]!;
      digit = 0;
    } else if (ch === '万') {
      section += (group + digit) * BIG[ch]!;
      group = digit = 0;
    } else if (ch === '亿') {
      total += (section + group + digit) * BIG[ch]!;
      section = group = digit = 0;
    } else throw new Error(`unexpected ${ch} in ${s}`);
  }
  return total + section + group + digit;
}

/** Reads 人民币…元…角…分 / 整 back into fen. */
function decodeRmb(s: string): number {
  const m = /^人民币(?:(.*?)元)?(?:(零)?(.)角)?(?:(零)?(.)分)?(整)?$/.exec(s);
  if (!m) throw new Error(`not an RMB amount: ${s}`);
  const yuan = m[1] ? decodeInteger(m[1]) : 0;
  return yuan * 100 + (m[3] ? DIGIT[m[3]]! * 10 : 0) + (m[5] ? DIGIT[m[5]]! : 0);
}

describe('人民币大写（性质测试）', () => {
  // Up to ¥999,999,999,999.99: beyond any tender, within exact integers.
  const fen = fc.integer({ min: 0, max: 99_999_999_999_999 });

  it('大写能被独立解码回原金额（往返）', () => {
    fc.assert(
      fc.property(fen, (n) => decodeRmb(rmbUppercase(n)) === n),
      { numRuns: 2000 },
    );
  });

  it('以“人民币”开头；整数元以“整”结尾，有角分的不写“整”（¥1,005.50 → …伍角）', () => {
    fc.assert(
      fc.property(fen, (n) => {
        const s = rmbUppercase(n);
        return s.startsWith('人民币') && s.endsWith('整') === (n % 100 === 0);
      }),
    );
  });

  it('只用大写数字和单位，不出现小写数字或阿拉伯数字，也没有连续两个“零”', () => {
    fc.assert(
      fc.property(
        fen,
        (n) =>
          /^人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/.test(rmbUppercase(n)) &&
          !rmbUppercase(n).includes('零零'),
      ),
    );
  });

  it('不同金额的大写互不相同', () => {
    fc.assert(fc.property(fen, fen, (a, b) => a === b || rmbUppercase(a) !== rmbUppercase(b)));
  });
});

describe('中文数字（性质测试）', () => {
  const n = fc.integer({ min: 0, max: 999_999_999 });
  it('能被独立解码回原数（往返）', () => {
    fc.assert(
      fc.property(n, (x) => decodeInteger(chineseNumeral(x)) === x),
      { numRuns: 2000 },
    );
  });
  it('10–19 写作“十X”而不是“一十X”', () => {
    fc.assert(fc.property(fc.integer({ min: 10, max: 19 }), (x) => chineseNumeral(x).startsWith('十')));
  });
  it('只用小写数字和单位', () => {
    fc.assert(fc.property(n, (x) => /^[零一二三四五六七八九十百千万亿]+$/.test(chineseNumeral(x))));
  });
});

describe('addMonths（性质测试）', () => {
  const iso = fc
    .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2090, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const months = fc.integer({ min: -240, max: 240 });
  const parts = (s: string) => s.split('-').map(Number) as [number, number, number];

  it('结果总是真实存在的日期，月份恰好相差 n 个月', () => {
    fc.assert(
      fc.property(iso, months, (d, m) => {
        const r = addMonths(d, m);
        const [y1, m1] = parts(d);
        const [y2, m2] = parts(r);
        return isValidIsoDate(r) && y2 * 12 + m2 - (y1 * 12 + m1) === m;
      }),
    );
  });

  it('日不变，除非目标月没有这一天，这时落在该月最后一天（1月31日 + 1个月 → 2月末）', () => {
    fc.assert(
      fc.property(iso, months, (d, m) => {
        const [, , day] = parts(d);
        const [y2, m2, d2] = parts(addMonths(d, m));
        const last = new Date(Date.UTC(y2, m2, 0)).getUTCDate();
        return d2 === Math.min(day, last);
      }),
    );
  });

  it('加 0 个月不变；每月 28 日及以前的日期加减同样的月数可以还原', () => {
    fc.assert(fc.property(iso, (d) => addMonths(d, 0) === d));
    fc.assert(
      fc.property(
        iso.filter((d) => parts(d)[2] <= 28),
        months,
        (d, m) => addMonths(addMonths(d, m), -m) === d,
      ),
    );
  });

  it('单调：较晚的起算日加同样的月数不会得到较早的到期日', () => {
    fc.assert(
      fc.property(iso, iso, months, (a, b, m) =>
        a <= b ? addMonths(a, m) <= addMonths(b, m) : addMonths(a, m) >= addMonths(b, m),
      ),
    );
  });
});

describe('编号（性质测试）', () => {
  /** A random outline: nested ordered lists and subheadings, as markdownToBlocks would produce them. */
  type Node = { kind: 'heading' } | { kind: 'list'; items: Node[][] };
  const tree = fc.letrec<{ list: Node; nodes: Node[] }>((tie) => ({
    list: fc.record({
      kind: fc.constant('list' as const),
      items: fc.array(tie('nodes'), { minLength: 1, maxLength: 4 }),
    }),
    nodes: fc.array(
      fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant<Node>({ kind: 'heading' }), tie('list')),
      { maxLength: 3 },
    ),
  })).nodes;

  function flatten(nodes: Node[], depth: number, out: RawBlock[], expected: string[]): void {
    for (const n of nodes) {
      if (n.kind === 'heading') {
        if (depth > 0) continue; // headings only at the top level
        out.push({ kind: 'heading', depth: 2, text: 'h' });
        expected.push('heading');
        continue;
      }
      if (depth >= 3) continue;
      n.items.forEach((children, i) => {
        out.push({ kind: 'listItem', ordered: true, depth: depth + 1, start: i === 0, runs: [{ text: 'x' }] });
        expected.push(depth === 0 ? `${i + 1}.` : depth === 1 ? `（${i + 1}）` : '①②③④'[i]!);
        flatten(children, depth + 1, out, expected);
      });
    }
  }

  it('每层列表从 1 起连续编号（1. →（1）→ ①），小标题（一）（二）…依次递增', () => {
    fc.assert(
      fc.property(tree, (nodes) => {
        const raw: RawBlock[] = [];
        const expected: string[] = [];
        flatten(nodes, 0, raw, expected);
        const numbered = numberBlocks(raw);
        let heading = 0;
        const want = expected.map((e) => (e === 'heading' ? `（${chineseNumeral(++heading)}）` : e));
        expect(numbered.map((b) => (b.kind === 'heading' || b.kind === 'listItem' ? b.number : '?'))).toEqual(want);
      }),
    );
  });
});
