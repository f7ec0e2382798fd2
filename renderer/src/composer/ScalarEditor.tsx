// One control per scalar variable type; values stay in their project-file JSON form (money as a yuan string, dates as YYYY-MM-DD).
import { Input, InputNumber, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { canonicalMoney } from '@core/model/money.js';
import { DURATION_UNITS, type DurationUnit, type ScalarType } from '@core/model/variables.js';
import { useI18n, type MessageKey } from '../i18n.js';
import { DateEditor } from './DateEditor.js';

export type ScalarEditorProps = {
  type: ScalarType;
  value: unknown;
  /** undefined removes the value (the check then reports it as missing when required). */
  onChange: (value: unknown) => void;
  options?: string[];
  unit?: string;
  min?: number;
  max?: number;
  id?: string;
  /** data-testid for the number input of a duration. */
  valueTestId?: string;
  status?: 'error' | 'warning';
  /** Compact widths for table cells. */
  inTable?: boolean;
  ariaLabel?: string;
  /** Shown while empty: a clause's suggested figure (建议：30 分钟), never a value. */
  placeholder?: string;
  /** A duration's unit while it is empty (the suggestion's). */
  unitHint?: DurationUnit;
};

/** A duration's unit is stored in Chinese (the document prints it); the picker names it in the UI's language. */
const UNIT_LABEL: Record<DurationUnit, MessageKey> = {
  分钟: 'unit.minutes',
  小时: 'unit.hours',
  工作日: 'unit.workdays',
  天: 'unit.days',
  个月: 'unit.months',
  年: 'unit.years',
};

function isUnit(u: unknown): u is DurationUnit {
  return typeof u === 'string' && (DURATION_UNITS as readonly string[]).includes(u);
}

function numberOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function moneyText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v.toFixed(2);
  return '';
}

function DurationEditor(props: ScalarEditorProps) {
  const { value, onChange, id, valueTestId, status, inTable, ariaLabel, min, max, placeholder, unitHint } = props;
  const { t } = useI18n();
  const raw = value && typeof value === 'object' ? (value as { value?: unknown; unit?: unknown }) : undefined;
  const [fallbackUnit, setFallbackUnit] = useState<DurationUnit>(isUnit(raw?.unit) ? raw.unit : (unitHint ?? '小时'));
  const unit = isUnit(raw?.unit) ? raw.unit : fallbackUnit;
  const n = numberOrNull(raw?.value);
  return (
    <Space.Compact className="bf-duration" style={{ width: inTable ? 180 : '100%' }}>
      <InputNumber
        id={id}
        aria-label={ariaLabel}
        data-testid={valueTestId}
        variant={inTable ? 'borderless' : undefined}
        value={n}
        min={min ?? 0}
        max={max}
        placeholder={placeholder}
        status={status}
        style={{ flex: 1, minWidth: 0 }}
        onChange={(next) =>
          next === null || next === undefined ? onChange(undefined) : onChange({ value: next, unit })
        }
      />
      <Select<DurationUnit>
        variant={inTable ? 'borderless' : undefined}
        value={unit}
        options={DURATION_UNITS.map((u) => ({ value: u, label: t(UNIT_LABEL[u]) }))}
        status={status}
        style={{ width: 96, flex: 'none' }}
        popupMatchSelectWidth={false}
        onChange={(u) => {
          setFallbackUnit(u);
          if (n !== null) onChange({ value: n, unit: u });
        }}
      />
    </Space.Compact>
  );
}

export function ScalarEditor(props: ScalarEditorProps) {
  const { type, value, onChange, options, unit, min, max, id, status, inTable, ariaLabel, placeholder } = props;
  const { t } = useI18n();
  const variant = inTable ? ('borderless' as const) : undefined;
  const suffix = unit ? <span className="bf-unit">{unit}</span> : undefined;

  switch (type) {
    case 'text':
      return (
        <Input
          id={id}
          aria-label={ariaLabel}
          variant={variant}
          value={typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value)}
          placeholder={placeholder}
          status={status}
          suffix={suffix}
          style={inTable ? { width: 180 } : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'multiline':
      return (
        <Input.TextArea
          id={id}
          aria-label={ariaLabel}
          variant={variant}
          value={typeof value === 'string' ? value : ''}
          placeholder={placeholder}
          status={status}
          autoSize={{ minRows: inTable ? 1 : 2, maxRows: 10 }}
          style={inTable ? { width: 240 } : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'integer':
    case 'number':
    case 'percent':
      return (
        <InputNumber
          id={id}
          aria-label={ariaLabel}
          variant={variant}
          value={numberOrNull(value)}
          min={min}
          max={max}
          precision={type === 'integer' ? 0 : undefined}
          placeholder={placeholder}
          status={status}
          suffix={type === 'percent' ? <span className="bf-unit">%</span> : suffix}
          style={{ width: inTable ? 110 : '100%' }}
          onChange={(next) => onChange(next === null || next === undefined ? undefined : next)}
        />
      );
    case 'money':
      return (
        <Input
          id={id}
          aria-label={ariaLabel}
          variant={variant}
          value={moneyText(value)}
          inputMode="decimal"
          placeholder={placeholder}
          prefix={<span className="bf-unit">¥</span>}
          suffix={<span className="bf-unit">{unit ?? t('control.yuan')}</span>}
          status={status}
          style={inTable ? { width: 150 } : undefined}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
          // ５８６００, 58,600元 and 5.86万 are accepted while typing and written as 58600.00 once the field is left.
          onBlur={() => {
            const canonical = canonicalMoney(value);
            if (canonical !== undefined && canonical !== value) onChange(canonical);
          }}
        />
      );
    case 'date':
      return (
        <DateEditor
          id={id}
          ariaLabel={ariaLabel}
          variant={variant}
          value={value}
          status={status}
          width={inTable ? 150 : 180}
          placeholder={placeholder}
          onChange={onChange}
        />
      );
    case 'duration':
      return <DurationEditor {...props} />;
    case 'boolean':
      return (
        <Switch
          id={id}
          aria-label={ariaLabel}
          checked={value === true}
          checkedChildren={t('control.yes')}
          unCheckedChildren={t('control.no')}
          onChange={(checked) => onChange(checked)}
        />
      );
    case 'choice':
      return (
        <Select<string>
          id={id}
          aria-label={ariaLabel}
          variant={variant}
          value={typeof value === 'string' ? value : undefined}
          placeholder={placeholder ?? t('control.select')}
          options={(options ?? []).map((o) => ({ value: o, label: o }))}
          status={status}
          allowClear
          style={{ width: inTable ? 150 : '100%' }}
          onChange={(v) => onChange(v ?? undefined)}
        />
      );
  }
}
