// The Document drawn as A4 sheets with React elements only — never as HTML strings.
import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
  type RefObject,
} from 'react';
import { documentLayout, partyLabel, type Block, type Document, type Run } from '@core/model/document.js';
import { formatDate } from '@core/format/zh.js';
import { balancedTitle } from '@core/export/labels.js';
import { MM_PER_PT, resolveTypesetting } from '@core/model/typesetting.js';
import { isValidIsoDate } from '@core/model/variables.js';
import { useI18n } from '../i18n.js';
import './forms.css';

/** 210 mm at 96 dpi. */
const PAGE_WIDTH_PX = 794;

/** Words the document itself prints, in the document's language (as the DOCX and PDF exporters write them) — not UI strings. */
const DOC_TEXT = { projectNo: '项目编号', draft: '草稿' } as const;
const labelled = (label: string, value: string) => (label ? `${label}：${value}` : value);

type Indexed = { block: Block; index: number };

/** The cover title's lines, broken at word boundaries as the exports break it (core/export/labels.ts). */
function coverTitle(doc: Document): string[] {
  const t = resolveTypesetting(doc.meta.typesetting);
  return balancedTitle(doc.meta.title, (210 - t.margins.left - t.margins.right) / MM_PER_PT / t.title.size - 1).split(
    '\n',
  );
}

/** The body's sheets: annexes start on a new page, as in the exports. */
function sheetsOf(blocks: Block[]): Indexed[][] {
  const sheets: Indexed[][] = [[]];
  blocks.forEach((block, index) => {
    if (block.kind === 'heading' && block.annex && sheets[sheets.length - 1]!.length) sheets.push([]);
    sheets[sheets.length - 1]!.push({ block, index });
  });
  return sheets;
}

function Runs({ runs }: { runs: Run[] }) {
  return (
    <>
      {runs.map((r, i) => {
        let node: ReactNode = r.text;
        if (r.italic) node = <em>{node}</em>;
        if (r.bold) node = <strong>{node}</strong>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}

/**
 * One block. Memoised on its content signature: an edit changes a few blocks, and a 40-page preview must not
 * rebuild the other thousand on every keystroke.
 */
const BlockView = memo(BlockContent, (a, b) => a.sig === b.sig && a.index === b.index);

function BlockContent({ block, index }: { block: Block; index: number; sig: string }) {
  const at = { 'data-block': index };
  switch (block.kind) {
    case 'heading': {
      const Tag = block.level === 1 ? 'h2' : block.level === 2 ? 'h3' : 'h4';
      return (
        <Tag className={`doc-h doc-h${block.level}`} {...at}>
          {block.number && <span className="doc-h-no">{block.number}</span>}
          {block.text}
        </Tag>
      );
    }
    case 'paragraph':
      // A letter's addressee (致：采购人：) stands flush left, as in the exports.
      return (
        <p className={block.role === 'addressee' ? 'doc-p doc-addressee' : 'doc-p'} {...at}>
          <Runs runs={block.runs} />
        </p>
      );
    case 'listItem':
      return (
        <div className="doc-li" {...at} style={{ marginLeft: `${2 * (block.depth - 1)}em` } as CSSProperties}>
          <span className="doc-li-no">{block.number}</span>
          <span className="doc-li-text">
            <Runs runs={block.runs} />
          </span>
        </div>
      );
    case 'table':
      return (
        <table className="doc-table" {...at}>
          <thead>
            <tr>
              {block.header.map((h, i) => (
                <th key={i}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, ri) => (
              <tr key={ri}>
                {block.header.map((_, ci) => (
                  <td key={ci} style={{ textAlign: block.align[ci] ?? 'left' }}>
                    {row[ci] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'signature':
      return (
        <div className={`doc-signature${block.parties.length > 1 ? ' doc-signature-multi' : ''}`} {...at}>
          {block.parties.map((p, pi) => (
            <div className="doc-party" key={pi} aria-label={p.role}>
              {p.lines.map((line, li) => (
                <div className="doc-sign-line" key={li}>
                  {line}
                </div>
              ))}
            </div>
          ))}
        </div>
      );
  }
}

/** Scales the sheets down to the pane's width (never up). */
function useFitZoom() {
  const ref = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      const w = entry?.contentRect.width ?? PAGE_WIDTH_PX;
      setZoom(Math.max(0.4, Math.min(1, (w - 8) / PAGE_WIDTH_PX)));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { ref, zoom };
}

/** Blocks that differ from the previous render of the same project: all of them when the count is unchanged, else the first. */
function changedBlocks(prev: string[], next: string[]): number[] {
  if (prev.length === next.length) return next.flatMap((k, i) => (k === prev[i] ? [] : [i]));
  const first = next.findIndex((k, i) => k !== prev[i]);
  return [first < 0 ? next.length - 1 : first];
}

/** After an edit, flashes the blocks it changed and brings the first into view when it is off screen. */
function useFollowChanges(root: RefObject<HTMLDivElement | null>, doc: Document | null, epoch: number, keys: string[]) {
  const prev = useRef<{ epoch: number; keys: string[] } | null>(null);
  useLayoutEffect(() => {
    const before = prev.current;
    prev.current = doc ? { epoch, keys } : null;
    const el = root.current;
    const scroller = el?.parentElement;
    if (!el || !doc) return;
    if (!before || before.epoch !== epoch) {
      if (scroller) scroller.scrollTop = 0;
      return;
    }
    const changed = changedBlocks(before.keys, keys).slice(0, 40);
    const nodes = changed
      .map((i) => el.querySelector<HTMLElement>(`[data-block="${i}"]`))
      .filter((n): n is HTMLElement => n !== null);
    for (const n of nodes) {
      n.classList.remove('doc-changed');
      void n.offsetWidth;
      n.classList.add('doc-changed');
    }
    const first = nodes[0];
    if (first && scroller) {
      const r = first.getBoundingClientRect();
      const v = scroller.getBoundingClientRect();
      if (r.bottom < v.top + 24 || r.top > v.bottom - 24) first.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }
  }, [root, doc, epoch, keys]);
}

function DocumentPreviewContent({ document: doc, epoch }: { document: Document | null; epoch: number }) {
  const { t } = useI18n();
  const { ref, zoom } = useFitZoom();
  const keys = useMemo(() => doc?.blocks.map((b) => JSON.stringify(b)) ?? [], [doc]);
  useFollowChanges(ref, doc, epoch, keys);
  const report = !doc || documentLayout(doc) === 'report';
  return (
    <div className="doc-stage" ref={ref} data-testid="preview">
      {doc && (
        <div className="doc-sheets" style={{ zoom }}>
          {report && (
            <article className="doc-page doc-cover" aria-label={doc.meta.title}>
              {doc.meta.draft && <div className="doc-watermark">{DOC_TEXT.draft}</div>}
              <h1 className="doc-title">
                {coverTitle(doc).map((line, i) => (
                  <span className="doc-title-line" key={i}>
                    {line}
                  </span>
                ))}
              </h1>
              <div className="doc-subtitle">{doc.meta.projectName}</div>
              {doc.meta.projectNo && (
                <div className="doc-subtitle">{labelled(DOC_TEXT.projectNo, doc.meta.projectNo)}</div>
              )}
              <div className="doc-cover-foot">
                {doc.meta.bidder && (
                  <div className="doc-subtitle">{labelled(partyLabel(doc.meta.docType), doc.meta.bidder)}</div>
                )}
                <div className="doc-subtitle">
                  {isValidIsoDate(doc.meta.date) ? formatDate(doc.meta.date) : doc.meta.date}
                </div>
              </div>
            </article>
          )}
          {doc.blocks.length === 0 ? (
            <article className="doc-page doc-body">
              <p className="doc-empty">{t('preview.empty')}</p>
            </article>
          ) : (
            sheetsOf(doc.blocks).map((sheet, si) => (
              <article className="doc-page doc-body" key={si}>
                {doc.meta.draft && <div className="doc-watermark">{DOC_TEXT.draft}</div>}
                <div className="doc-running-head">{doc.meta.title}</div>
                {/* A letter, a form and a card have no cover: their title stands atop the first page. */}
                {!report && si === 0 && <h1 className="doc-form-title">{doc.meta.projectName}</h1>}
                {sheet.map(({ block, index }) => (
                  <BlockView key={index} index={index} block={block} sig={keys[index]!} />
                ))}
              </article>
            ))
          )}
        </div>
      )}
    </div>
  );
}

/** Redrawn only when its props change (the composer re-renders on every keystroke). */
export const DocumentPreview = memo(DocumentPreviewContent);
