/** Calendar dates as the physician sees them: local time of this computer. */

/** YYYY-MM-DD of an instant in local time. */
export function localDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Whether a date (YYYY-MM-DD) or year (YYYY) lies after the given day. */
export function isAfterDay(value: string, today: string): boolean {
  return value.length === 4 ? value > today.slice(0, 4) : value > today;
}
