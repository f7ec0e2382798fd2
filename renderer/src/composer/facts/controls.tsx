// The small controls a fact is edited with: a duration in the facts' units (工作日 and 周 included), the event a
// time runs from, a whole number, an amount of money. A cleared or invalid entry is not written: the fact keeps its
// last valid figure until the entry is one (the schema refuses a fact without its figure).
import { Input, InputNumber, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { FACT_EVENTS, FACT_UNITS, type FactDuration, type FactEvent, type FactUnit } from '@core/commitments/schema.js';
import { useI18n, type MessageKey } from '../../i18n.js';

type Status = 'error' | 'warning' | undefined;

export function DurationInput({
  value,
  onChange,
  id,
  label,
  status,
  testId,
  compact,
}: {
  value: FactDuration;
  onChange: (d: FactDuration) => void;
  id?: string;
  label: string;
  status: Status;
  testId?: string;
  /** Narrow, for a table cell. */
  compact?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Space.Compact className="bf-fact-duration">
      <InputNumber<number>
        id={id}
        aria-label={`${label}：${t('facts.value')}`}
        data-testid={testId ? `${testId}-value` : undefined}
        value={value.value}
        min={0.5}
        max={100_000}
        status={status}
        style={{ width: compact ? 52 : 88 }}
        onChange={(n) => {
          if (typeof n === 'number' && n > 0) onChange({ ...value, value: n });
        }}
      />
      <Select<FactUnit>
        aria-label={`${label}：${t('facts.unit')}`}
        data-testid={testId ? `${testId}-unit` : undefined}
        value={value.unit}
        status={status}
        style={{ width: compact ? 84 : 140 }}
        popupMatchSelectWidth={false}
        options={FACT_UNITS.map((u) => ({ value: u, label: t(`facts.unit.${u}` as MessageKey) }))}
        onChange={(unit) => onChange({ ...value, unit })}
      />
    </Space.Compact>
  );
}

export function EventSelect({
  value,
  onChange,
  label,
  optional,
  testId,
  block,
}: {
  value: FactEvent | undefined;
  onChange: (e: FactEvent | undefined) => void;
  label: string;
  optional?: boolean;
  testId?: string;
  /** As wide as its cell. */
  block?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Select<FactEvent>
      aria-label={`${label}：${t('facts.from')}`}
      data-testid={testId ? `${testId}-from` : undefined}
      value={value}
      placeholder={t('facts.fromNone')}
      allowClear={optional}
      style={{ width: block ? '100%' : 168 }}
      popupMatchSelectWidth={false}
      options={FACT_EVENTS.map((e) => ({ value: e, label: t(`facts.event.${e}` as MessageKey) }))}
      onChange={(e) => onChange(e ?? undefined)}
    />
  );
}

export function WholeNumber({
  value,
  onChange,
  label,
  min = 1,
  max,
  suffix,
  status,
  testId,
  allowEmpty,
  id,
}: {
  id?: string;
  value: number | undefined;
  onChange: (n: number | undefined) => void;
  label: string;
  min?: number;
  max: number;
  suffix?: string;
  status?: Status;
  testId?: string;
  /** Clearing the entry removes the figure (an optional one). */
  allowEmpty?: boolean;
}) {
  return (
    <InputNumber<number>
      id={id}
      aria-label={label}
      data-testid={testId}
      value={value ?? null}
      min={min}
      max={max}
      precision={0}
      status={status}
      suffix={suffix ? <span className="bf-unit">{suffix}</span> : undefined}
      style={{ width: 120 }}
      onChange={(n) => {
        if (typeof n === 'number' && n >= min) onChange(n);
        else if (n === null && allowEmpty) onChange(undefined);
      }}
    />
  );
}

const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

/** Yuan as the project file writes them ("300.00"); the entry shows what is typed until it is an amount. */
export function AmountInput({
  value,
  onChange,
  label,
  status,
  testId,
}: {
  value: string | undefined;
  onChange: (yuan: string) => void;
  label: string;
  status?: Status;
  testId?: string;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const valid = MONEY.test(draft.trim());
  return (
    <Input
      aria-label={label}
      data-testid={testId}
      value={draft}
      status={valid ? status : 'error'}
      title={valid ? undefined : t('facts.amountInvalid')}
      suffix={<span className="bf-unit">{t('control.yuan')}</span>}
      style={{ width: 150 }}
      onChange={(e) => {
        setDraft(e.target.value);
        const v = e.target.value.trim();
        if (MONEY.test(v)) onChange(v);
      }}
      onBlur={() => {
        if (!MONEY.test(draft.trim())) return;
        const canonical = Number(draft.trim()).toFixed(2);
        setDraft(canonical);
        if (canonical !== value) onChange(canonical);
      }}
    />
  );
}
