// A diff between two versions: inserted text green and underlined, deleted text red and struck through.
import { Empty, Segmented, Select, Space, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { DiffGranularity, DiffSegment, HistoryEntry, VersionDiff } from '@core/api/library.js';
import { api, errorMessage } from '../api.js';
import { useI18n } from '../i18n.js';

export function DiffText({ segments }: { segments: DiffSegment[] }) {
  return (
    <pre className="bf-diff" data-testid="diff-text">
      {segments.map((s, i) =>
        s.op === 'insert' ? (
          <ins key={i}>{s.text}</ins>
        ) : s.op === 'delete' ? (
          <del key={i}>{s.text}</del>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </pre>
  );
}

/** Pick two versions of one variant and see what changed, by word or by character. */
export function VersionDiffPanel({
  clauseId,
  variant,
  versions,
}: {
  clauseId: string;
  variant: string;
  versions: HistoryEntry[];
}) {
  const { t, locale } = useI18n();
  const numbers = versions.map((v) => v.version).sort((a, b) => a - b);
  const newest = numbers[numbers.length - 1] ?? 1;
  const [from, setFrom] = useState(Math.max(1, newest - 1));
  const [to, setTo] = useState(newest);
  const [granularity, setGranularity] = useState<DiffGranularity>('word');
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setFrom(Math.max(1, newest - 1));
    setTo(newest);
  }, [clauseId, variant, newest]);

  useEffect(() => {
    let live = true;
    setError(null);
    api
      .libraryDiff({ from: { clauseId, variant, version: from }, to: { clauseId, variant, version: to }, granularity })
      .then((d) => live && setDiff(d))
      .catch((e: unknown) => live && setError(errorMessage(e, locale)));
    return () => {
      live = false;
    };
  }, [clauseId, variant, from, to, granularity, locale]);

  const options = numbers.map((n) => ({ value: n, label: `v${n}` }));
  if (numbers.length < 2) return <Empty description={t('lib.diff.single')} />;
  return (
    <div className="bf-lib-diff">
      <Space wrap className="bf-lib-diff-bar">
        <span>{t('lib.diff.from')}</span>
        <Select
          size="small"
          value={from}
          options={options}
          onChange={setFrom}
          data-testid="diff-from"
          aria-label={t('lib.diff.from')}
        />
        <span>{t('lib.diff.to')}</span>
        <Select
          size="small"
          value={to}
          options={options}
          onChange={setTo}
          data-testid="diff-to"
          aria-label={t('lib.diff.to')}
        />
        <Segmented<DiffGranularity>
          size="small"
          value={granularity}
          onChange={setGranularity}
          options={[
            { value: 'word', label: t('lib.diff.word') },
            { value: 'char', label: t('lib.diff.char') },
          ]}
        />
        {diff && (
          <span className="bf-muted">
            <Tag color="green">+{diff.stats.inserted}</Tag>
            <Tag color="red">−{diff.stats.deleted}</Tag>
          </span>
        )}
      </Space>
      {error ? <div className="bf-lib-error">{error}</div> : !diff ? <Spin /> : <DiffText segments={diff.segments} />}
      {diff &&
        (diff.variables.added.length > 0 || diff.variables.removed.length > 0 || diff.variables.changed.length > 0) && (
          <div className="bf-muted bf-lib-diff-vars">
            {t('lib.diff.variables', {
              added: diff.variables.added.join('、') || '—',
              removed: diff.variables.removed.join('、') || '—',
              changed: diff.variables.changed.join('、') || '—',
            })}
          </div>
        )}
    </div>
  );
}
