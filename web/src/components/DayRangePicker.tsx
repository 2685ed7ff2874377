import { useMemo } from 'react';
import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import 'dayjs/locale/zh-tw';
import dayjsConfig from '@rc-component/picker/generate/dayjs';
import { useAgency } from '../features/agency/use-agency';
import { DAY_FORMATS, agencyToday, dayRangeOf, pickerRange, type DayRange } from '../lib/calendar-day';

/** antd's range picker whose "today" (marked in the calendar, where it opens) is `today()`. */
function rangePickerWithToday(today: () => Dayjs) {
  return DatePicker.generatePicker<Dayjs>({ ...dayjsConfig, getNow: today }).RangePicker;
}

export interface DayRangePickerProps {
  /** The start input's id (the Form.Item label points at it); the end input gets `${id}-end`. */
  id?: string;
  /** The end input's name for screen readers (the visible label names the start input). */
  endLabel: string;
  value?: DayRange;
  onChange?: (range: DayRange) => void;
  width?: number;
}

/**
 * A range of agency calendar days (送審日期, 起日–迄日) in the agency's date format, 2026.03.09, in
 * the UI's language. Either end may stay open. The value is 'YYYY-MM-DD' days, as the API takes
 * them, never an instant in the browser's time zone (see lib/calendar-day.ts); the calendar's
 * "today" is the agency's too.
 */
export function DayRangePicker({ id = 'day-range', endLabel, value = {}, onChange, width = 260 }: DayRangePickerProps) {
  const endId = `${id}-end`;
  const { agencyNow, timeZone } = useAgency();
  const RangePicker = useMemo(() => rangePickerWithToday(() => agencyToday(agencyNow(), timeZone)), [agencyNow, timeZone]);
  return (
    <>
      <RangePicker
        id={{ start: id, end: endId }}
        format={[...DAY_FORMATS]}
        allowEmpty={[true, true]}
        value={pickerRange(value)}
        onChange={(values) => onChange?.(dayRangeOf(values))}
        // Enter takes a typed day (the picker's own use of it), never submits a surrounding form half-filled.
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
          }
        }}
        style={{ width, maxWidth: '100%' }}
      />
      <label htmlFor={endId} className="visually-hidden">
        {endLabel}
      </label>
    </>
  );
}
