// 承诺: the project's facts as the writer states them — grouped by what they promise, the fault-level table apart,
// each offered or not, and a catalogue of the kinds not stated yet. Every edit is the whole new list of facts;
// the composer writes it to project.commitments (one undo step, saved and previewed like any other edit).
import { Alert, Select } from 'antd';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { projectFacts } from '@core/commitments/resolve.js';
import type { Commitment, CommitmentKind } from '@core/commitments/schema.js';
import type { Problem } from '@core/model/problem.js';
import type { Project } from '@core/model/project.js';
import { useI18n, type MessageKey } from '../../i18n.js';
import { factEditKey } from './editKey.js';
import { factInputId, FactRow } from './FactRow.js';
import {
  addFact,
  duplicateFact,
  FACT_GROUPS,
  groupFacts,
  removeFact,
  replaceFact,
  unstatedKinds,
} from './factsModel.js';
import { LevelTable } from './LevelTable.js';
import './facts.css';

type Props = {
  /** The project's own facts, if it has them. */
  commitments: Commitment[] | undefined;
  /** Its values, where its facts are read from while it has none of its own (undefined otherwise). */
  values: Project['values'] | undefined;
  problemsByField: Map<string, Problem[]>;
  /** The new list of facts, with the undo key the edit joins (one value edited again at once), if any. */
  onChange: (facts: Commitment[], key: string | undefined) => void;
};

const NO_PROBLEMS: Problem[] = [];

export const FactsPanel = memo(function FactsPanel({ commitments, values, problemsByField, onChange }: Props) {
  const { t } = useI18n();
  const facts = useMemo(() => projectFacts({ commitments, values: values ?? {} }), [commitments, values]);
  const own = commitments !== undefined;
  const groups = useMemo(() => groupFacts(facts), [facts]);
  const latest = useRef(facts);
  latest.current = facts;
  /** The row whose first control gets the cursor once drawn (a fact just added). */
  const focusNext = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (focusNext.current === undefined) return;
    const el = document.getElementById(factInputId(focusNext.current));
    focusNext.current = undefined;
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [facts]);

  const change = useCallback(
    (index: number, fact: Commitment) =>
      onChange(replaceFact(latest.current, index, fact), factEditKey(index, latest.current[index], fact)),
    [onChange],
  );
  const duplicate = useCallback(
    (index: number) => {
      focusNext.current = index + 1;
      onChange(duplicateFact(latest.current, index), undefined);
    },
    [onChange],
  );
  const remove = useCallback((index: number) => onChange(removeFact(latest.current, index), undefined), [onChange]);
  const add = (kind: CommitmentKind) => {
    focusNext.current = facts.length;
    onChange(addFact(facts, kind), undefined);
  };

  const unstated = new Set<string>(unstatedKinds(facts));
  const catalogue = FACT_GROUPS.map((g) => ({
    label: t(`facts.group.${g.id}`),
    title: g.id,
    options: g.kinds
      .filter((k) => unstated.has(k))
      .map((k) => ({ value: k, label: t(`facts.kind.${k}` as MessageKey) })),
  })).filter((g) => g.options.length > 0);

  return (
    <div className="bf-facts" data-testid="facts-panel">
      <h2 className="bf-pane-title">
        {t('facts.title')}
        <span className="bf-muted bf-vars-count">{t('facts.count', { count: facts.length })}</span>
      </h2>
      <p className="bf-muted bf-fact-hint">{t('facts.hint')}</p>
      {!own && facts.length > 0 && (
        <Alert type="info" showIcon className="bf-facts-note" title={t('facts.fromValues')} />
      )}
      {facts.length === 0 && <p className="bf-muted">{t('facts.none')}</p>}
      {catalogue.length > 0 && (
        <section className="bf-fact-group bf-fact-add">
          <label className="bf-fact-group-title" htmlFor="fact-add">
            {t('facts.add')}
          </label>
          <Select<CommitmentKind>
            id="fact-add"
            data-testid="fact-add"
            value={null}
            placeholder={t('facts.addPlaceholder')}
            style={{ width: '100%', maxWidth: 420 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={catalogue}
            onChange={add}
          />
        </section>
      )}
      <LevelTable facts={facts} problemsByField={problemsByField} onChange={onChange} />
      {groups.map((g) => (
        <section key={g.id} className="bf-fact-group" data-testid={`fact-group-${g.id}`}>
          <h3 className="bf-fact-group-title">{t(`facts.group.${g.id}`)}</h3>
          {g.items.map(({ fact, index }) => (
            <FactRow
              key={`${fact.id}#${index}`}
              fact={fact}
              index={index}
              problems={problemsByField.get(`commitments.${index}`) ?? NO_PROBLEMS}
              onChange={change}
              onDuplicate={duplicate}
              onRemove={remove}
            />
          ))}
        </section>
      ))}
    </div>
  );
});
