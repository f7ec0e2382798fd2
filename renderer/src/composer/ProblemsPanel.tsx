// What the last check found: severity and message; a problem that names a field takes you to it.
import { AimOutlined, CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { memo } from 'react';
import { problemText } from '@core/i18n/problemText.js';
import type { Problem } from '@core/model/problem.js';
import { useI18n } from '../i18n.js';

export type ProblemsPanelProps = {
  problems: Problem[];
  /** The field a problem is about, when the form can show it (values.<key> or a project field). */
  targetOf: (p: Problem) => string | undefined;
  /** The label of such a field. */
  labelOf: (field: string) => string | undefined;
  onLocate: (field: string) => void;
};

export const ProblemsPanel = memo(function ProblemsPanel({
  problems,
  targetOf,
  labelOf,
  onLocate,
}: ProblemsPanelProps) {
  const { t, locale } = useI18n();
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <section
      className={`bf-problems${problems.length ? '' : ' bf-problems-ok'}`}
      data-testid="problems"
      aria-label={t('problems.title')}
    >
      <header className="bf-problems-head">
        <span className="bf-problems-title">{t('problems.title')}</span>
        {problems.length === 0 ? (
          <span className="bf-problems-summary bf-ok">
            <CheckCircleFilled /> {t('problems.none')}
          </span>
        ) : (
          <span className="bf-problems-summary">
            {errors > 0 && (
              <span className="bf-err">
                <CloseCircleFilled /> {t('problems.errors', { count: errors })}
              </span>
            )}
            {warnings > 0 && (
              <span className="bf-warn">
                <ExclamationCircleFilled /> {t('problems.warnings', { count: warnings })}
              </span>
            )}
          </span>
        )}
      </header>
      {problems.length > 0 && (
        <ul className="bf-problem-list">
          {problems.map((p, i) => {
            const target = targetOf(p);
            const label = target ? labelOf(target) : undefined;
            const where =
              label && !p.field && p.section ? `${p.section} · ${label}` : (label ?? p.section ?? p.clause ?? p.field);
            const detail = [p.file, p.section, p.clause, p.field].filter(Boolean).join(' · ');
            const content = (
              <>
                <span className={`bf-sev bf-sev-${p.severity}`}>
                  {p.severity === 'error' ? t('problems.error') : t('problems.warning')}
                </span>
                <span className="bf-problem-msg">{problemText(p, locale)}</span>
                {where && (
                  <span className="bf-problem-where" title={detail}>
                    {where}
                  </span>
                )}
                {label && <AimOutlined className="bf-problem-go" aria-label={t('problems.locate')} />}
              </>
            );
            return (
              <li key={`${p.code}-${p.field ?? ''}-${i}`}>
                {label && target ? (
                  <button
                    type="button"
                    className="bf-problem bf-problem-link"
                    title={t('problems.locate')}
                    onClick={() => onLocate(target)}
                  >
                    {content}
                  </button>
                ) : (
                  <div className="bf-problem">{content}</div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
