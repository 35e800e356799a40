import { Select } from 'antd';
import { currentPeriod, type Period, recentPeriods } from './api-officers';
import { periodLabel } from './period';

/** A month to look at: the last 24 months up to the current one, newest first. */
export function PeriodSelect({ value, onChange, label = '月份' }: { value: Period; onChange: (p: Period) => void; label?: string }) {
  return (
    <Select
      aria-label={label}
      style={{ width: 140 }}
      value={value}
      onChange={onChange}
      options={recentPeriods(currentPeriod(), 24).map((p) => ({ value: p, label: periodLabel(p) }))}
    />
  );
}
