// Picks a clause from the library for the outline: search (titles and categories here, body text through the
// store's search when there is one), choose a variant, add.
import { Button, Empty, Input, Modal, Select, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { OutlineClauseView } from '@core/assemble/projectOutline.js';
import type { ClauseChoice } from '@core/api/contract.js';
import { api } from '../../api.js';
import { useI18n, type MessageKey } from '../../i18n.js';

type Group = { id: string; title: string; category: string; variants: ClauseChoice[] };

export type AddClauseModalProps = {
  /** The section to add to; the modal is open while it is set. */
  section: string | undefined;
  docType: string | undefined;
  /** `id|variant` of the clauses already in the outline. */
  inOutline: Set<string>;
  onAdd: (clause: OutlineClauseView) => void;
  onClose: () => void;
};

const STATUS_KEY: Record<string, MessageKey> = {
  draft: 'addClause.status.draft',
  approved: 'addClause.status.approved',
  in_review: 'addClause.status.in_review',
};

function groups(list: ClauseChoice[], docType: string | undefined): Group[] {
  const byId = new Map<string, Group>();
  for (const c of list) {
    if (c.status === 'retired' || (docType && !c.docTypes.includes(docType))) continue;
    const g = byId.get(c.id) ?? { id: c.id, title: c.title, category: c.category, variants: [] };
    g.variants.push(c);
    byId.set(c.id, g);
  }
  // 标准 first: the variant most projects want.
  for (const g of byId.values()) g.variants.sort((a, b) => Number(b.variant === '标准') - Number(a.variant === '标准'));
  return [...byId.values()];
}

export function AddClauseModal({ section, docType, inOutline, onAdd, onClose }: AddClauseModalProps) {
  const { t } = useI18n();
  const [all, setAll] = useState<ClauseChoice[]>([]);
  const [query, setQuery] = useState('');
  const [bodyHits, setBodyHits] = useState<Set<string>>(new Set());
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const open = section !== undefined;

  useEffect(() => {
    if (!open) return;
    setQuery('');
    void api.listClauses({}).then(setAll, () => setAll([]));
  }, [open]);

  // Body text matches come from the store's search; without a store (or on error) titles and categories still match.
  useEffect(() => {
    const q = query.trim();
    if (!open || q.length < 2) return setBodyHits(new Set());
    let live = true;
    const timer = setTimeout(() => {
      api.librarySearch({ query: q, filter: {} }).then(
        (hits) => live && setBodyHits(new Set(hits.map((h) => h.clauseId))),
        () => live && setBodyHits(new Set()),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, query]);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const list = groups(all, docType);
    return q
      ? list.filter((g) => [g.title, g.category, g.id].some((x) => x.toLowerCase().includes(q)) || bodyHits.has(g.id))
      : list;
  }, [all, bodyHits, docType, query]);

  return (
    <Modal
      open={open}
      title={t('addClause.title', { section: section ?? '' })}
      onCancel={onClose}
      footer={null}
      width={640}
      destroyOnHidden
    >
      <Input.Search
        autoFocus
        allowClear
        placeholder={t('addClause.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="add-clause-search"
      />
      {shown.length === 0 ? (
        <Empty className="bf-add-empty" description={t('addClause.none')} />
      ) : (
        <ul className="bf-add-list">
          {shown.map((g) => {
            const variant = chosen[g.id] ?? g.variants[0]!.variant;
            const v = g.variants.find((x) => x.variant === variant) ?? g.variants[0]!;
            const present = inOutline.has(`${g.id}|${variant}`);
            return (
              <li key={g.id} className="bf-add-item" data-testid={`add-clause-${g.id}`}>
                <div className="bf-add-text">
                  <div className="bf-add-title">{g.title}</div>
                  <div className="bf-muted bf-add-meta">
                    {g.category} · {g.id}
                    {v.status !== 'approved' && STATUS_KEY[v.status] ? (
                      <Tag color="gold">{t(STATUS_KEY[v.status]!)}</Tag>
                    ) : null}
                    {present ? <Tag>{t('addClause.inOutline')}</Tag> : null}
                  </div>
                </div>
                <Select
                  size="small"
                  className="bf-add-variant"
                  aria-label={t('addClause.variant')}
                  value={variant}
                  options={g.variants.map((x) => ({ value: x.variant, label: x.variant }))}
                  onChange={(val: string) => setChosen((c) => ({ ...c, [g.id]: val }))}
                  data-testid={`add-clause-variant-${g.id}`}
                />
                <Button
                  size="small"
                  type="primary"
                  onClick={() => onAdd({ id: g.id, variant, title: g.title, category: g.category, found: true })}
                  data-testid={`add-clause-add-${g.id}`}
                >
                  {t('addClause.add')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </Modal>
  );
}
