/** A civil date ('YYYY-MM-DD') as a local Date at midnight (the day picker's days): a day's name, not an instant. */
export const civil = (date: string): Date => new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
