// One fact in the 承诺 panel: its offered switch and name, its figure, what it applies to (fault level, region,
// product, component, channel), and its problems. The row's element id is the one a problem's link scrolls to.
import { CopyOutlined, DeleteOutlined, FilterOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Input, Select, Switch, Tag, Tooltip } from 'antd';
import { memo, useState } from 'react';
import { factLabel } from '@core/commitments/phrase.js';
import { CHANNELS, REGIONS, type Commitment, type Scope } from '@core/commitments/schema.js';
import { problemText } from '@core/i18n/problemText.js';
import type { Problem } from '@core/model/problem.js';
import { useI18n, type MessageKey, type Translate } from '../../i18n.js';
import { confirmFact, LEVEL_NAMES, withScope } from './factsModel.js';
import { FactValue } from './FactValue.js';

export const factDomId = (index: number) => `fact-row-${index}`;
export const factInputId = (index: number) => `fact-input-${index}`;

/** The fact's name: in Chinese the one checks and forms use; in English the kind's name (scope shown as tags). */
export function factName(fact: Commitment, t: Translate, zh: boolean): string {
  if (zh || fact.label) return factLabel(fact);
  return t(`facts.kind.${fact.kind}` as MessageKey);
}

/** The scope as tags: 紧急 · 压缩机 · 县（区）· 服务热线 (user data stays as typed). */
function ScopeTags({ scope }: { scope: Scope | undefined }) {
  const { t } = useI18n();
  if (!scope) return null;
  const tags = [
    scope.level && { key: 'level', text: scope.level, data: true },
    scope.product && { key: 'product', text: scope.product, data: true },
    scope.component && { key: 'component', text: scope.component, data: true },
    scope.region && { key: 'region', text: t(`facts.region.${scope.region}`), data: false },
    scope.channel && { key: 'channel', text: t(`facts.channel.${scope.channel}`), data: false },
  ].filter((x): x is { key: string; text: string; data: boolean } => !!x);
  return (
    <>
      {tags.map((x) => (
        <Tag key={x.key} className="bf-fact-tag" title={t(`facts.scope.${x.key}` as MessageKey)}>
          {x.data ? <span data-user-data>{x.text}</span> : x.text}
        </Tag>
      ))}
    </>
  );
}

function ScopeEditor({ fact, onChange }: { fact: Commitment; onChange: (f: Commitment) => void }) {
  const { t, locale } = useI18n();
  const { label: _label, ...unnamed } = fact;
  const s = fact.scope ?? {};
  const text = (key: 'product' | 'component', width: number) => (
    <label className="bf-fact-scope-item">
      <span className="bf-muted">{t(`facts.scope.${key}`)}</span>
      <Input
        aria-label={t(`facts.scope.${key}`)}
        value={s[key] ?? ''}
        maxLength={100}
        style={{ width }}
        onChange={(e) => onChange(withScope(fact, key, e.target.value.trim()))}
      />
    </label>
  );
  return (
    <div className="bf-fact-scope" data-testid={`fact-${fact.id}-scope`}>
      <label className="bf-fact-scope-item">
        <span className="bf-muted">{t('facts.scope.level')}</span>
        <AutoComplete
          aria-label={t('facts.scope.level')}
          value={s.level ?? ''}
          options={[...LEVEL_NAMES, '紧急', '重大', '一般'].map((v) => ({ value: v }))}
          style={{ width: 110 }}
          onChange={(v: string) => onChange(withScope(fact, 'level', v.trim().slice(0, 20)))}
        />
      </label>
      <label className="bf-fact-scope-item">
        <span className="bf-muted">{t('facts.scope.region')}</span>
        <Select
          aria-label={t('facts.scope.region')}
          value={s.region ?? ''}
          style={{ width: 150 }}
          popupMatchSelectWidth={false}
          options={[
            { value: '', label: t('facts.scope.any') },
            ...REGIONS.map((r) => ({ value: r, label: t(`facts.region.${r}`) })),
          ]}
          onChange={(v) => onChange(withScope(fact, 'region', v as Scope['region'] | ''))}
        />
      </label>
      {text('product', 140)}
      {text('component', 140)}
      {fact.kind === 'service_hours' && (
        <label className="bf-fact-scope-item">
          <span className="bf-muted">{t('facts.scope.channel')}</span>
          <Select
            aria-label={t('facts.scope.channel')}
            value={s.channel ?? 'hotline'}
            style={{ width: 170 }}
            popupMatchSelectWidth={false}
            options={CHANNELS.map((c) => ({ value: c, label: t(`facts.channel.${c}`) }))}
            onChange={(v) => onChange(withScope(fact, 'channel', v))}
          />
        </label>
      )}
      <label className="bf-fact-scope-item">
        <span className="bf-muted">{t('facts.label')}</span>
        <Input
          aria-label={t('facts.label')}
          data-testid={`fact-${fact.id}-label`}
          value={fact.label ?? ''}
          // The name checks and the 偏离表 use when none is given (Chinese, as the document says it).
          placeholder={locale === 'zh-CN' ? factLabel(unnamed as Commitment) : undefined}
          maxLength={60}
          style={{ width: 240 }}
          onChange={(e) =>
            onChange(e.target.value.trim() ? { ...fact, label: e.target.value } : (unnamed as Commitment))
          }
        />
      </label>
    </div>
  );
}

type RowProps = {
  fact: Commitment;
  index: number;
  problems: readonly Problem[];
  onChange: (index: number, fact: Commitment) => void;
  onDuplicate: (index: number) => void;
  onRemove: (index: number) => void;
};

export const FactRow = memo(function FactRow({ fact, index, problems, onChange, onDuplicate, onRemove }: RowProps) {
  const { t, locale } = useI18n();
  const [scopeOpen, setScopeOpen] = useState(false);
  const name = factName(fact, t, locale === 'zh-CN');
  const offered = fact.offered !== false;
  const status = problems.some((p) => p.severity === 'error') ? 'error' : problems.length ? 'warning' : undefined;
  const change = (f: Commitment) => onChange(index, f);
  const hasScope = !!fact.scope && Object.keys(fact.scope).length > 0;
  return (
    <div
      className={`bf-fact${offered ? '' : ' bf-fact-off'}`}
      id={factDomId(index)}
      data-testid={`fact-${fact.id}`}
      data-fact-index={index}
    >
      <div className="bf-fact-head">
        <Switch
          size="small"
          checked={offered}
          aria-label={`${name}：${t('facts.offered')}`}
          data-testid={`fact-${fact.id}-offered`}
          title={offered ? t('facts.offeredOn') : t('facts.offeredOff')}
          onChange={(on) => change({ ...fact, offered: on })}
        />
        <label className="bf-fact-label" htmlFor={factInputId(index)}>
          {name}
        </label>
        {locale === 'zh-CN' ? null : <ScopeTags scope={fact.scope} />}
        {!offered && <span className="bf-muted bf-fact-state">{t('facts.offeredOff')}</span>}
      </div>
      <div className="bf-fact-body">
        <FactValue fact={fact} label={name} inputId={factInputId(index)} status={status} onChange={change} />
        {fact.unconfirmed && (
          <span className="bf-fact-example" data-testid={`fact-${fact.id}-example`}>
            <Tag color="gold" className="bf-fact-tag">
              {t('facts.example')}
            </Tag>
            <Button
              size="small"
              type="link"
              className="bf-fact-confirm"
              aria-label={t('facts.confirmAria', { label: name })}
              data-testid={`fact-${fact.id}-confirm`}
              onClick={() => {
                change(confirmFact(fact));
                // The link goes once confirmed: the cursor moves back to the figure rather than to the page.
                document.getElementById(factInputId(index))?.focus();
              }}
            >
              {t('facts.confirm')}
            </Button>
          </span>
        )}
      </div>
      {/* After the figure in tab order (switch → figure → actions); drawn at the row's top right. */}
      <span className="bf-fact-actions">
        <Tooltip title={t('facts.scopeEdit')}>
          <Button
            size="small"
            type={scopeOpen || hasScope ? 'link' : 'text'}
            icon={<FilterOutlined />}
            aria-label={`${name}：${t('facts.scopeEdit')}`}
            aria-expanded={scopeOpen}
            data-testid={`fact-${fact.id}-scope-toggle`}
            onClick={() => setScopeOpen((o) => !o)}
          />
        </Tooltip>
        <Tooltip title={t('facts.duplicate')}>
          <Button
            size="small"
            type="text"
            icon={<CopyOutlined />}
            aria-label={`${name}：${t('facts.duplicate')}`}
            onClick={() => onDuplicate(index)}
          />
        </Tooltip>
        <Tooltip title={t('facts.remove')}>
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={`${name}：${t('facts.remove')}`}
            data-testid={`fact-${fact.id}-remove`}
            onClick={() => onRemove(index)}
          />
        </Tooltip>
      </span>
      {scopeOpen && <ScopeEditor fact={fact} onChange={change} />}
      {problems.length > 0 && (
        <div className={`bf-fact-problems bf-${status}`} role="alert">
          {problems.map((p, i) => (
            <div key={i}>{problemText(p, locale)}</div>
          ))}
        </div>
      )}
    </div>
  );
});
