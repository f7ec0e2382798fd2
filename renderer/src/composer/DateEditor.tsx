// A date in the zh-CN format of Ant Design's locale (2026-11-24) in both UI languages; the value stays YYYY-MM-DD.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
// Chinese weekday and month names in the calendar when the picker's locale is zh_CN.
import 'dayjs/locale/zh-cn';
import { isValidIsoDate } from '@core/model/variables.js';
import { DATE_FORMAT } from '../lib/dates.js';

export type DateEditorProps = {
  id?: string;
  value: unknown;
  onChange: (value: string | undefined) => void;
  status?: 'error' | 'warning';
  width?: number;
  variant?: 'borderless';
  ariaLabel?: string;
  /** Shown while empty instead of the format (a suggested date). */
  placeholder?: string;
};

export function DateEditor({ id, value, onChange, status, width, variant, ariaLabel, placeholder }: DateEditorProps) {
  const day = typeof value === 'string' && isValidIsoDate(value) ? dayjs(value, 'YYYY-MM-DD') : null;
  return (
    <DatePicker
      id={id}
      aria-label={ariaLabel}
      variant={variant}
      format={DATE_FORMAT}
      value={day}
      status={status}
      placeholder={placeholder ?? DATE_FORMAT}
      style={{ width: width ?? 180 }}
      onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : undefined)}
    />
  );
}
