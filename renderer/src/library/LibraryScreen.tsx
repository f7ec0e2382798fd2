// 条款库: legal's screen. Filters and search on the left with the clause list; the chosen clause on the right.
import {
  ClockCircleOutlined,
  DownloadOutlined,
  FileWordOutlined,
  PlusOutlined,
  ProjectOutlined,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Badge, Button, Empty, Input, Select, Spin, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { ClauseRow, DocType, VersionStatus } from '@core/api/library.js';
import { api, errorMessage } from '../api.js';
import { useI18n } from '../i18n.js';
import { useFitsLabels } from '../lib/useFitsLabels.js';
import { ClauseDetail } from './ClauseDetail.js';
import { FreshnessDrawer, ProjectsDrawer } from './Drawers.js';
import { STATUS_COLOR, statusKey } from './format.js';
import { NewClauseModal } from './NewClauseModal.js';
import { ExportPackModal, ImportPackModal } from './Packs.js';
import { useSettingsUser } from './user.js';
import { WordImportModal } from './WordImport.js';
import './library.css';

type Filter = { category?: string; status?: VersionStatus; tag?: string; docType?: DocType };
type Facets = { categories: string[]; tags: string[]; docTypes: DocType[] };

const STATUSES: VersionStatus[] = ['draft', 'in_review', 'approved', 'retired'];
const SEARCH_DELAY_MS = 200;

/** A snippet reads as text: table pipes and --- rules become spaces. */
const plainSnippet = (s: string) =>
  s
    .replace(/(^|[\s|⋯…]):?-{2,}:?(?=[\s|]|$)/g, '$1')
    .replace(/\s*\|\s*/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();

/** The snippet with the query marked where it occurs literally (a Traditional query matches without marks). */
function highlight(raw: string, q: string) {
  const text = plainSnippet(raw);
  if (!q) return text;
  return text.split(q).flatMap((part, i) => (i === 0 ? [part] : [<mark key={i}>{q}</mark>, part]));
}

export function LibraryScreen() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const root = useRef<HTMLDivElement>(null);
  const me = useSettingsUser(root);
  const user = me.name;
  const bar = useRef<HTMLElement>(null);
  const labelsFit = useFitsLabels(bar, [locale, user, me.singleReviewer]);
  const [facets, setFacets] = useState<Facets>({ categories: [], tags: [], docTypes: [] });
  const [filter, setFilter] = useState<Filter>({});
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<ClauseRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<{ clauseId: string; variant: string } | null>(null);
  const [dueCount, setDueCount] = useState(0);
  const [drawer, setDrawer] = useState<'fresh' | 'pins' | null>(null);
  const [exporting, setExporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState<unknown>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);
  const wordInput = useRef<HTMLInputElement>(null);
  const [wordFile, setWordFile] = useState<File | null>(null);
  const listRef = useRef<HTMLElement>(null);
  const [revision, setRevision] = useState(0);
  const refresh = useCallback(() => setRevision((r) => r + 1), []);
  const closeImport = useCallback(() => setImporting(undefined), []);
  const closeExport = useCallback(() => setExporting(false), []);
  const closeWord = useCallback(() => setWordFile(null), []);
  const clauses = useMemo(
    () => [...new Map((rows ?? []).map((r) => [r.clauseId, { id: r.clauseId, title: r.title }])).values()],
    [rows],
  );

  useEffect(() => {
    void api
      .libraryFacets({})
      .then(setFacets)
      .catch(() => undefined);
    void api
      .libraryFreshness({})
      .then((f) => setDueCount(f.length))
      .catch(() => undefined);
    api.libraryInfo({}).then(
      (i) => {
        const why = locale === 'en' ? i.builtinMergeErrorEn : i.builtinMergeError;
        if (why) void message.warning(t('lib.builtinMergeFailed', { message: why }));
      },
      (e: unknown) => setError(errorMessage(e, locale)),
    );
  }, [revision, message, t, locale]);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api
        .libraryList({ filter, ...(query.trim() ? { query: query.trim() } : {}) })
        .then((r) => {
          if (!live) return;
          setRows(r);
          setError(null);
        })
        .catch((e: unknown) => live && setError(errorMessage(e, locale)));
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [filter, query, revision, locale]);

  // The chosen clause stays in sight in the list (e.g. a new clause, or one opened from the review drawer).
  useEffect(() => {
    listRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected, rows]);

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      setImporting(JSON.parse(await file.text()) as unknown);
    } catch (err) {
      message.error(t('lib.pack.bad', { message: errorMessage(err, locale) }));
    }
  }

  const set =
    <K extends keyof Filter>(k: K) =>
    (v: Filter[K] | undefined) =>
      setFilter((f) => ({ ...f, [k]: v ?? undefined }));
  const opts = (xs: string[]) => xs.map((x) => ({ value: x, label: x }));

  return (
    <div className="bf-lib" data-testid="library" ref={root}>
      <header className={labelsFit ? 'bf-lib-top' : 'bf-lib-top bf-icons-only'} ref={bar}>
        <h1 className="bf-lib-h1">{t('nav.library')}</h1>
        <Input.Search
          allowClear
          className="bf-lib-search"
          placeholder={t('lib.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-label={t('lib.search')}
          data-testid="library-search"
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-clause">
          {t('lib.new.button')}
        </Button>
        <span className="bf-lib-grow" />
        <Tooltip title={t('lib.fresh.title')}>
          <Badge count={dueCount} size="small">
            <Button
              icon={<ClockCircleOutlined />}
              onClick={() => setDrawer('fresh')}
              aria-label={t('lib.fresh.button')}
              className="bf-act"
              data-testid="open-freshness"
            >
              {t('lib.fresh.button')}
            </Button>
          </Badge>
        </Tooltip>
        <Button
          icon={<ProjectOutlined />}
          onClick={() => setDrawer('pins')}
          aria-label={t('lib.pins.button')}
          title={labelsFit ? undefined : t('lib.pins.button')}
          className="bf-act"
          data-testid="open-projects"
        >
          {t('lib.pins.button')}
        </Button>
        <Button
          icon={<FileWordOutlined />}
          onClick={() => wordInput.current?.click()}
          aria-label={t('lib.word.button')}
          title={labelsFit ? undefined : t('lib.word.button')}
          className="bf-act"
          data-testid="import-word"
        >
          {t('lib.word.button')}
        </Button>
        <input
          ref={wordInput}
          type="file"
          accept=".docx,.doc,.wps"
          hidden
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            e.target.value = '';
            setWordFile(f);
          }}
          data-testid="import-word-input"
        />
        <Button
          icon={<DownloadOutlined />}
          onClick={() => setExporting(true)}
          aria-label={t('lib.pack.export')}
          title={labelsFit ? undefined : t('lib.pack.export')}
          className="bf-act"
          data-testid="export-pack"
        >
          {t('lib.pack.export')}
        </Button>
        <Button
          icon={<UploadOutlined />}
          onClick={() => fileInput.current?.click()}
          aria-label={t('lib.pack.import')}
          title={labelsFit ? undefined : t('lib.pack.import')}
          className="bf-act"
          data-testid="import-pack"
        >
          {t('lib.pack.import')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={(e) => void onFile(e)}
          data-testid="import-pack-input"
        />
        <Tooltip title={t(me.singleReviewer ? 'lib.userHintSingle' : 'lib.userHint')}>
          <Tag
            icon={<UserOutlined />}
            color={user ? 'default' : 'warning'}
            className="bf-lib-user"
            aria-label={t('lib.user')}
            data-testid="library-user"
          >
            {user || (me.loaded ? t('lib.noUser') : '…')}
            {me.singleReviewer && <span className="bf-muted"> · {t('lib.singleReviewer')}</span>}
          </Tag>
        </Tooltip>
      </header>
      <div className="bf-lib-filters" role="group" aria-label={t('lib.filters')}>
        <Select
          allowClear
          className="bf-lib-filter"
          placeholder={t('lib.f.category')}
          value={filter.category}
          onChange={set('category')}
          options={opts(facets.categories)}
          aria-label={t('lib.f.category')}
          showSearch
        />
        <Select
          allowClear
          className="bf-lib-filter"
          placeholder={t('lib.f.status')}
          value={filter.status}
          onChange={set('status')}
          options={STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))}
          aria-label={t('lib.f.status')}
          data-testid="filter-status"
        />
        <Select
          allowClear
          className="bf-lib-filter"
          placeholder={t('lib.f.tag')}
          value={filter.tag}
          onChange={set('tag')}
          options={opts(facets.tags)}
          aria-label={t('lib.f.tag')}
          showSearch
        />
        <Select
          allowClear
          className="bf-lib-filter"
          placeholder={t('lib.f.docType')}
          value={filter.docType}
          onChange={set('docType')}
          options={facets.docTypes.map((d) => ({ value: d, label: t(`lib.doc.${d}`) }))}
          aria-label={t('lib.f.docType')}
        />
        <span className="bf-muted">{rows ? t('lib.count', { count: rows.length }) : ''}</span>
      </div>
      <main className="bf-lib-main">
        <nav ref={listRef} className="bf-lib-list" aria-label={t('lib.list')} data-testid="clause-list">
          {error ? (
            <div className="bf-lib-error bf-lib-pad">{error}</div>
          ) : !rows ? (
            <Spin className="bf-lib-pad" />
          ) : rows.length === 0 ? (
            <Empty className="bf-lib-pad" description={t('lib.noMatch')} />
          ) : (
            rows.map((r) => {
              const active = selected?.clauseId === r.clauseId && selected.variant === r.variant;
              return (
                <button
                  type="button"
                  key={`${r.clauseId}/${r.variant}`}
                  className={`bf-lib-item${active ? ' bf-lib-item-active' : ''}`}
                  onClick={() => setSelected({ clauseId: r.clauseId, variant: r.variant })}
                  data-testid={`clause-${r.clauseId}`}
                  aria-current={active}
                >
                  <div className="bf-lib-item-head">
                    <span className="bf-lib-item-title">{r.title}</span>
                    <Tag color={STATUS_COLOR[r.latest.status]} className="bf-lib-item-tag">
                      v{r.latest.version} {t(statusKey(r.latest.status))}
                    </Tag>
                  </div>
                  <div className="bf-muted bf-lib-item-sub">
                    {r.variant} · {r.category}
                  </div>
                  {r.snippet && <div className="bf-lib-snippet">{highlight(r.snippet, query.trim())}</div>}
                </button>
              );
            })
          )}
        </nav>
        <section className="bf-lib-side">
          {selected ? (
            <ClauseDetail
              key={`${selected.clauseId}/${selected.variant}`}
              clauseId={selected.clauseId}
              variant={selected.variant}
              user={user}
              revision={revision}
              categories={facets.categories}
              onChanged={refresh}
              onOpenVariant={(v) => setSelected({ clauseId: selected.clauseId, variant: v })}
            />
          ) : (
            <Empty className="bf-lib-pad" description={t('lib.pick')} />
          )}
        </section>
      </main>
      <FreshnessDrawer
        open={drawer === 'fresh'}
        onClose={() => setDrawer(null)}
        onOpenClause={(id) => (
          setDrawer(null),
          setSelected({ clauseId: id, variant: rows?.find((r) => r.clauseId === id)?.variant ?? '标准' })
        )}
      />
      <NewClauseModal
        open={creating}
        user={user}
        categories={facets.categories}
        onClose={() => setCreating(false)}
        onCreated={(ref) => {
          setCreating(false);
          // The new clause must be in the list beside it: a search or filter from before would hide it.
          setQuery('');
          setFilter({});
          setSelected({ clauseId: ref.clauseId, variant: ref.variant });
          refresh();
        }}
      />
      <ProjectsDrawer open={drawer === 'pins'} onClose={() => (setDrawer(null), refresh())} />
      <ExportPackModal open={exporting} clauses={clauses} onClose={closeExport} />
      <ImportPackModal pack={importing} onClose={closeImport} onApplied={refresh} />
      <WordImportModal
        file={wordFile}
        user={user}
        onClose={closeWord}
        onCreated={(first) => {
          // The new drafts must be in the list: a search or filter from before would hide them.
          setQuery('');
          setFilter({});
          if (first) setSelected({ clauseId: first.clauseId, variant: first.variant });
          refresh();
        }}
      />
    </div>
  );
}
