// Annexes: numbered 附件1, 附件2 … in the order they appear, and references to them ({{annex "偏离表"}}) resolved
// to that number. Numbers are computed, never typed, so dropping or reordering an annex cannot leave a stale 附件3.

/** "附件2 违约扣款标准" → "违约扣款标准"; a title without the prefix is returned as is. */
export const annexBaseTitle = (title: string): string =>
  title.replace(/^附件\s*[0-9０-９]*\s*[：:、.．]?\s*/, '').trim();

export type AnnexEntry = { number: number; label: string; title: string; heading: string };
export type AnnexRef = { ref: string; resolved?: string; section?: string; clause?: string };

/** Numbers the annex titles in order: heading "附件N 标题", label "附件N". */
export function numberAnnexes(titles: string[]): AnnexEntry[] {
  return titles.map((t, i) => {
    const title = annexBaseTitle(t);
    const label = `附件${i + 1}`;
    return { number: i + 1, label, title, heading: title ? `${label} ${title}` : label };
  });
}

/** Text printed where a reference does not resolve: visible in the preview, and a check error blocks export. */
export const unresolvedAnnexText = (ref: string) => `【未找到附件：${ref}】`;

/** Resolves references by exact title, then by a unique partial match; records every reference for the checks. */
export class AnnexIndex {
  readonly refs: AnnexRef[] = [];
  where: { section?: string; clause?: string } = {};
  constructor(readonly annexes: AnnexEntry[]) {}

  find(ref: string): AnnexEntry | undefined {
    const want = annexBaseTitle(ref.trim());
    if (!want) return undefined;
    const exact = this.annexes.find((a) => a.title === want);
    if (exact) return exact;
    const partial = this.annexes.filter((a) => a.title.includes(want));
    return partial.length === 1 ? partial[0] : undefined;
  }

  resolve(ref: string): string {
    const hit = this.find(ref);
    this.refs.push({ ref, ...(hit ? { resolved: hit.label } : {}), ...this.where });
    return hit ? hit.label : unresolvedAnnexText(ref);
  }
}
