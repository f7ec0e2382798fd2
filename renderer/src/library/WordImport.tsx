// 从 Word 导入: a company's existing Word document (DOCX; .doc/.wps when LibreOffice is installed) read by the
// libraryImportWord channel into candidate clauses. Legal accepts, merges into the previous one, retitles or discards
// each; accepted candidates become drafts through libraryCreate (as the user in 设置), one by one in document order.
// Nothing is approved here. A candidate that duplicates a library clause starts discarded, one nearly alike accepted,
// each marked with the clause it resembles.
import { Alert, App, Button, Collapse, Input, Modal, Segmented, Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { DOC_TYPES, type DocType } from '@core/model/library.js';
import type { VersionRef } from '@core/api/library.js';
import {
  WORD_MAX_BYTES,
  clauseInputOf,
  mergeCandidates,
  type WordCandidate,
  type WordImport,
} from '@core/library/wordImport/model.js';
import { wordErrorText } from '@core/library/wordImport/messages.js';
import { api, errorMessage } from '../api.js';
import { fileToBase64 } from '../cards/fileData.js';
import { useI18n } from '../i18n.js';

type Row = WordCandidate & { keep: boolean };

const rowsOf = (r: WordImport): Row[] => r.candidates.map((c) => ({ ...c, keep: c.mark !== 'duplicate' }));

export function WordImportModal({
  file,
  user,
  onClose,
  onCreated,
}: {
  /** The picked file; the modal opens while it is read. */
  file: File | null;
  user: string;
  onClose: () => void;
  onCreated: (first: VersionRef | undefined) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [result, setResult] = useState<WordImport | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [busy, setBusy] = useState(false);
  const [docType, setDocType] = useState<DocType>('service-plan');

  useEffect(() => {
    setResult(null);
    setRows([]);
    if (!file) return;
    let live = true;
    if (file.size > WORD_MAX_BYTES) {
      message.error(t('lib.word.tooLarge', { file: file.name, mb: WORD_MAX_BYTES / 1024 / 1024 }));
      onClose();
      return;
    }
    void (async () => {
      try {
        const r = await api.libraryImportWord({ fileName: file.name, data: await fileToBase64(file) });
        if (!live) return;
        setResult(r);
        setRows(rowsOf(r));
        setDocType(r.docType);
      } catch (e) {
        if (!live) return;
        const err = e as { code?: string; params?: Record<string, unknown> };
        const text = err.code?.startsWith('word_')
          ? wordErrorText({ ...err, message: errorMessage(e, locale) }, locale === 'en' ? 'en' : 'zh')
          : errorMessage(e, locale);
        message.error(t('lib.word.failed', { message: text }));
        onClose();
      }
    })();
    return () => {
      live = false;
    };
  }, [file, locale, message, t, onClose]);

  const update = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const merge = (i: number) =>
    setRows((rs) => [
      ...rs.slice(0, i - 1),
      { ...mergeCandidates(rs[i - 1]!, rs[i]!), keep: rs[i - 1]!.keep || rs[i]!.keep },
      ...rs.slice(i + 1),
    ]);
  const chosen = rows.filter((r) => r.keep && r.title.trim() && r.category.trim());

  async function create() {
    if (!user.trim()) return void message.error(t('lib.needUser'));
    setBusy(true);
    const made: VersionRef[] = [];
    try {
      for (const r of chosen) {
        try {
          made.push(
            await api.libraryCreate({
              clause: clauseInputOf(
                { ...r, title: r.title.trim(), category: r.category.trim() },
                result!.fileName,
                docType,
              ),
            }),
          );
        } catch (e) {
          message.error(
            t('lib.word.partly', { done: made.length, n: r.n, title: r.title, message: errorMessage(e, locale) }),
          );
          // What was made stays made (drafts); the rest stay on screen to try again.
          const done = new Set(chosen.slice(0, made.length));
          setRows((rs) => rs.filter((x) => !done.has(x)));
          if (made.length) onCreated(made[0]);
          return;
        }
      }
      message.success(t('lib.word.created', { count: made.length }));
      onCreated(made[0]);
      onClose();
    } finally {
      setBusy(false);
    }
  }

  const pct = (s: number) => Math.round(s * 100);
  return (
    <Modal
      open={!!file}
      title={t('lib.word.title', { file: file?.name ?? '' })}
      width={1100}
      onCancel={onClose}
      okText={t('lib.word.create', { count: chosen.length })}
      cancelText={t('lib.cancel')}
      okButtonProps={{ disabled: !chosen.length, loading: busy }}
      onOk={() => void create()}
      loading={!result}
      destroyOnHidden
    >
      {result && (
        <div className="bf-word" data-testid="word-import">
          <p className="bf-muted">
            {t('lib.word.summary', {
              count: result.candidates.length,
              by: t(`lib.word.by.${result.splitBy}`),
            })}
          </p>
          <div className="bf-word-doctype">
            <span className="bf-muted">{t('lib.f.docType')}</span>
            <Select
              value={docType}
              onChange={setDocType}
              options={DOC_TYPES.map((d) => ({ value: d, label: t(`lib.doc.${d}`) }))}
              aria-label={t('lib.f.docType')}
              data-testid="word-doctype"
              className="bf-lib-filter"
            />
          </div>
          {result.convertedFrom && (
            <Alert type="info" showIcon title={t('lib.word.converted', { file: result.convertedFrom })} />
          )}
          {!rows.length && <Alert type="warning" title={t('lib.word.none')} />}
          {rows.map((r, i) => (
            <section
              key={r.n}
              className={`bf-word-item${r.keep ? '' : ' bf-word-off'}`}
              data-testid={`word-candidate-${r.n}`}
              aria-label={r.title}
            >
              <div className="bf-word-head">
                <span className="bf-word-n">{r.n}</span>
                <Input
                  className="bf-word-title"
                  value={r.title}
                  onChange={(e) => update(i, { title: e.target.value })}
                  aria-label={t('lib.word.titleLabel')}
                  data-testid="word-title"
                />
                <Input
                  className="bf-word-category"
                  value={r.category}
                  onChange={(e) => update(i, { category: e.target.value })}
                  aria-label={t('lib.word.categoryLabel')}
                />
                <Segmented
                  value={r.keep ? 'accept' : 'discard'}
                  onChange={(v) => update(i, { keep: v === 'accept' })}
                  options={[
                    { value: 'accept', label: t('lib.word.accept') },
                    { value: 'discard', label: t('lib.word.discard') },
                  ]}
                  data-testid="word-decision"
                />
                {i > 0 && (
                  <Button size="small" onClick={() => merge(i)} data-testid="word-merge">
                    {t('lib.word.merge')}
                  </Button>
                )}
              </div>
              <Space size={[4, 4]} wrap className="bf-word-tags">
                {r.duplicates[0] ? (
                  <Tag color={r.mark === 'duplicate' ? 'red' : 'gold'} data-testid="word-mark" data-mark={r.mark}>
                    {t(r.mark === 'duplicate' ? 'lib.word.duplicate' : 'lib.word.near', {
                      title: r.duplicates[0].title,
                      percent: pct(r.duplicates[0].similarity),
                    })}
                  </Tag>
                ) : (
                  <Tag color="green" data-testid="word-mark" data-mark="new">
                    {t('lib.word.new')}
                  </Tag>
                )}
                {r.facts.length > 0 && <span className="bf-muted">{t('lib.word.facts')}</span>}
                {r.facts.map((f) => (
                  <Tag key={f.id} color="blue" title={f.phrase} data-testid={`word-fact-${f.id}`}>
                    {f.label}
                    {f.value !== undefined ? ` ${f.value}${f.unit ?? ''}` : ''}
                  </Tag>
                ))}
                {r.variables.length > 0 && <span className="bf-muted">{t('lib.word.variables')}</span>}
                {r.variables.map((v) => (
                  <Tag key={v.key} title={v.key}>
                    {v.label}
                  </Tag>
                ))}
                {r.tables > 0 && <Tag>{t('lib.word.tables', { count: r.tables })}</Tag>}
              </Space>
              <Collapse
                size="small"
                ghost
                items={[
                  {
                    key: 'body',
                    label: t('lib.word.body'),
                    children: <pre className="bf-word-pre">{r.body}</pre>,
                  },
                  {
                    key: 'text',
                    label: t('lib.word.original'),
                    children: <pre className="bf-word-pre">{r.text}</pre>,
                  },
                ]}
              />
            </section>
          ))}
        </div>
      )}
    </Modal>
  );
}
