import { format } from 'date-fns';

/** An instant as a `datetime-local` value, in the browser's (the community manager's) zone. */
export const toLocalInput = (at: number): string => format(new Date(at), "yyyy-MM-dd'T'HH:mm");

/** A `datetime-local` value back to an instant; null when empty or unreadable. */
export function fromLocalInput(value: string): number | null {
  if (value.trim() === '') return null;
  const at = new Date(value).getTime();
  return Number.isNaN(at) ? null : at;
}

/** "Europe/Paris" → "Paris", "America/New_York" → "New York". */
export const cityOf = (zone: string): string => (zone.split('/').at(-1) ?? zone).replace(/_/g, ' ');
