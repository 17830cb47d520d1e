/**
 * A calendar day typed by the doctor, in the console's order (day, month, year: en-GB, fr-CH and de-CH all
 * write the day first), to the ISO day core stores, and back. Pure, so every rule is unit-tested: a four-digit
 * year only (a two-digit one is ambiguous for a birth year), a day that exists in that month (29 February
 * only in a leap year), and optional earliest/latest days. An ISO day pasted from elsewhere is accepted too.
 */

export type DayParse =
  | { kind: 'empty' }
  | { kind: 'day'; iso: string }
  | { kind: 'format' }
  | { kind: 'no-such-day' }
  | { kind: 'too-early'; min: string }
  | { kind: 'too-late'; max: string };

const DAY_FIRST = /^(\d{1,2})\s*[./\-\s]\s*(\d{1,2})\s*[./\-\s]\s*(\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Whether the day exists in the (proleptic Gregorian) calendar. */
function exists(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0–99 to 1900–1999: set the full year explicitly.
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Reads what was typed; `min`/`max` are ISO days (inclusive), as on a native date input. */
export function parseDay(text: string, bounds: { min?: string | undefined; max?: string | undefined } = {}): DayParse {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const iso = ISO.exec(trimmed);
  const dayFirst = iso ? null : DAY_FIRST.exec(trimmed);
  const parts = iso
    ? { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) }
    : dayFirst
      ? { year: Number(dayFirst[3]), month: Number(dayFirst[2]), day: Number(dayFirst[1]) }
      : null;
  if (!parts) return { kind: 'format' };
  if (parts.year < 1000 || !exists(parts.year, parts.month, parts.day)) return { kind: 'no-such-day' };
  const day = `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
  if (bounds.min && day < bounds.min) return { kind: 'too-early', min: bounds.min };
  if (bounds.max && day > bounds.max) return { kind: 'too-late', max: bounds.max };
  return { kind: 'day', iso: day };
}

/** An ISO day as the locale writes it with two-digit day and month ("03/02/1941", "03.02.1941"); '' for ''. */
export function formatDayText(iso: string, locale: string): string {
  const match = ISO.exec(iso);
  if (!match) return iso;
  const date = new Date(0);
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
}
