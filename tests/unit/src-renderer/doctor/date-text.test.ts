/** The console's typed dates: day first in every console language, real calendar days only, four-digit years. */
import { describe, expect, it } from 'vitest';
import { formatDayText, parseDay } from '../../../../src-renderer/doctor/date/day-text.js';

describe('parseDay', () => {
  it('reads a day typed day first, with dots, slashes, dashes or spaces, and an ISO day', () => {
    for (const text of [
      '03.02.1941',
      '3.2.1941',
      '03/02/1941',
      '3-2-1941',
      '03 02 1941',
      ' 03. 02. 1941 ',
      '1941-02-03',
    ]) {
      expect(parseDay(text), text).toEqual({ kind: 'day', iso: '1941-02-03' });
    }
  });

  it('an empty field is empty, not an error', () => {
    expect(parseDay('   ')).toEqual({ kind: 'empty' });
  });

  it('refuses a two-digit year, a missing part, words and US month-first order that cannot be a day', () => {
    for (const text of ['03.02.41', '03.1941', 'yesterday', '1941', '03..02.1941', '02/30/1941']) {
      expect(['format', 'no-such-day']).toContain(parseDay(text).kind);
    }
    expect(parseDay('03.02.41').kind).toBe('format');
  });

  it('knows the calendar: 31 April and 29 February outside a leap year do not exist; 29 February 2024 does', () => {
    expect(parseDay('31.04.2026').kind).toBe('no-such-day');
    expect(parseDay('29.02.2025').kind).toBe('no-such-day');
    expect(parseDay('29.02.1900').kind).toBe('no-such-day');
    expect(parseDay('29.02.2000')).toEqual({ kind: 'day', iso: '2000-02-29' });
    expect(parseDay('29.02.2024')).toEqual({ kind: 'day', iso: '2024-02-29' });
    expect(parseDay('00.01.2026').kind).toBe('no-such-day');
    expect(parseDay('01.13.2026').kind).toBe('no-such-day');
    expect(parseDay('01.01.0999').kind).toBe('no-such-day');
  });

  it('checks the earliest and latest day, both included', () => {
    const bounds = { min: '2026-11-28', max: '2026-12-31' };
    expect(parseDay('28.11.2026', bounds)).toEqual({ kind: 'day', iso: '2026-11-28' });
    expect(parseDay('31.12.2026', bounds)).toEqual({ kind: 'day', iso: '2026-12-31' });
    expect(parseDay('27.11.2026', bounds)).toEqual({ kind: 'too-early', min: '2026-11-28' });
    expect(parseDay('01.01.2027', bounds)).toEqual({ kind: 'too-late', max: '2026-12-31' });
  });
});

describe('formatDayText', () => {
  it('writes the day as each console locale does, and reads back to the same day', () => {
    expect(formatDayText('1941-02-03', 'en-GB')).toBe('03/02/1941');
    expect(formatDayText('1941-02-03', 'fr-CH')).toBe('03.02.1941');
    expect(formatDayText('1941-02-03', 'de-CH')).toBe('03.02.1941');
    for (const locale of ['en-GB', 'fr-CH', 'de-CH']) {
      expect(parseDay(formatDayText('2024-02-29', locale))).toEqual({ kind: 'day', iso: '2024-02-29' });
    }
    expect(formatDayText('', 'en-GB')).toBe('');
  });
});
