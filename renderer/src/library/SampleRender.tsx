// A clause body rendered live on sample values (its variables' defaults, else stand-ins), through the API's
// libraryRender: the same assembler as documents, so what legal sees is what a bid will print.
import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { Document } from '@core/model/document.js';
import type { Problem } from '@core/model/problem.js';
import type { DocType, VariableDecl } from '@core/api/library.js';
import { problemText } from '@core/i18n/problemText.js';
import { api, errorMessage } from '../api.js';
import { useI18n } from '../i18n.js';
import { DocumentPreview } from '../preview/DocumentPreview.js';

const RENDER_DELAY_MS = 250;

type Props = { body: string; variables: VariableDecl[]; docType: DocType; title: string; testId: string };

export function SampleRender({ body, variables, docType, title, testId }: Props) {
  const { t, locale } = useI18n();
  const [rendered, setRendered] = useState<{ document: Document | null; problems: Problem[] } | null>(null);

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
              problems: [{ severity: 'error', code: 'render', message: errorMessage(e) }],
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
      <div className="bf-lib-render" data-testid={testId}>
        <DocumentPreview document={rendered?.document ?? null} epoch={0} />
      </div>
    </div>
  );
}
