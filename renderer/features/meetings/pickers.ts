// antd pickers ↔ the values records keep. Dates are calendar days (yyyy-mm-dd); times are 北京时间 wall clocks
// turned into instants by shared/meetings, so a deadline means the same on a machine set to any time zone.
import dayjs, { type Dayjs } from 'dayjs';
import { chinaWallClockToIso, isoToChinaWallClock } from '../../../shared/meetings';

export const DATE_FORMAT = 'YYYY-MM-DD';
export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm';

/** A picked day as yyyy-mm-dd; a cleared picker is '' (refused as missing, never defaulted). */
export const dayOf = (value: Dayjs | null | undefined): string => (value ? value.format(DATE_FORMAT) : '');

export const pickerDay = (date: string | undefined): Dayjs | null => (date ? dayjs(date) : null);

/** A picked date and time, read as 北京时间, as an ISO instant; '' when cleared. */
export const instantOf = (value: Dayjs | null | undefined): string => (value ? (chinaWallClockToIso(value.format(DATE_TIME_FORMAT)) ?? '') : '');

/** An ISO instant shown in a picker as its 北京时间 wall clock. */
export const pickerInstant = (iso: string | undefined): Dayjs | null => (iso ? dayjs(isoToChinaWallClock(iso)) : null);
