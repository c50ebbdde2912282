export const calendarViews = ['month', 'week', 'lanes', 'agenda'] as const;
export type CalendarView = (typeof calendarViews)[number];
