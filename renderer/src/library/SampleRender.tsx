// A clause body rendered live on sample values (its variables' defaults, else stand-ins), through the API's
// libraryRender: the same assembler as documents, so what legal sees is what a bid will print.
import { Tag } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Document } from '@core/model/document.js';
import type { Problem } from '@core/model/problem.js';
import type { DocType, VariableDecl } from '@core/api/library.js';
import { problemText } from '@core/i18n/problemText.js';
import { api, errorMessage } from '../api.js';
import { useI18n } from '../i18n.js';
import { DocumentPreview } from '../preview/DocumentPreview.js';
import { citedFacts, highlightTexts } from './factHighlight.js';

const RENDER_DELAY_MS = 250;

type Props = {
  body: string;
  variables: VariableDecl[];
  docType: DocType;
  title: string;
  testId: string;
  /** Lists the facts the body cites and highlights what they print in the sample (the read view). */
  showFacts?: boolean;
};

export function SampleRender({ body, variables, docType, title, testId, showFacts }: Props) {
  const { t, locale } = useI18n();
  const [rendered, setRendered] = useState<{ document: Document | null; problems: Problem[] } | null>(null);
  const facts = useMemo(() => (showFacts ? citedFacts(body) : []), [body, showFacts]);
  const preview = useRef<HTMLDivElement>(null);
  const highlight = `bf-fact-${testId}`;

  // The preview redraws its blocks as it likes: mark the facts again after each change of its text.
  useEffect(() => {
    const root = preview.current;
    const texts = facts.flatMap((f) => f.texts);
    if (!root) return;
    let frame = 0;
    const mark = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const n = highlightTexts(highlight, root, texts);
        root.dataset.factMarks = String(n);
      });
    };
    mark();
    const watch = new MutationObserver(mark);
    watch.observe(root, { subtree: true, childList: true, characterData: true });
    return () => {
      watch.disconnect();
      cancelAnimationFrame(frame);
      highlightTexts(highlight, null, []);
    };
  }, [facts, highlight]);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api
        .libraryRender({ body: body || ' ', variables, docType, ...(title ? { title } : {}) })
        .then((r) => live && setRendered(r))
        .catch(
          (e: unknown) =>
            live &&
            setRendered({
              document: null,
              problems: [{ severity: 'error', code: 'render', message: errorMessage(e, locale) }],
            }),
        );
    }, RENDER_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [body, variables, docType, title]);

  const problems = rendered?.problems ?? [];
  return (
    <div className="bf-lib-editor-right">
      <div className="bf-lib-render-head">
        <span>{t('lib.edit.sample')}</span>
        {problems.length > 0 ? (
          <Tag color={problems.some((p) => p.severity === 'error') ? 'red' : 'gold'}>
            {t('lib.edit.problems', { count: problems.length })}
          </Tag>
        ) : (
          <Tag color="green">{t('lib.edit.renderOk')}</Tag>
        )}
      </div>
      {problems.length > 0 && (
        <ul className="bf-lib-problems">
          {problems.map((p, i) => (
            <li key={i} className={p.severity === 'error' ? 'bf-lib-error' : 'bf-muted'}>
              {problemText(p, locale)}
            </li>
          ))}
        </ul>
      )}
      {facts.length > 0 && (
        <div className="bf-lib-facts" data-testid={`${testId}-facts`}>
          <span className="bf-muted">{t('lib.read.facts')}</span>
          {facts.map((f) => (
            <Tag key={f.id} className="bf-lib-fact-tag" title={f.id} data-testid={`cited-fact-${f.id}`}>
              {f.label} · {f.figure}
            </Tag>
          ))}
        </div>
      )}
      <div className="bf-lib-render" data-testid={testId} ref={preview}>
        <DocumentPreview document={rendered?.document ?? null} epoch={0} />
      </div>
    </div>
  );
}
