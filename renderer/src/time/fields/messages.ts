import { defineMessages } from '../../i18n/feature';

export const typedFieldMessages = defineMessages(
  {
    typedFields: {
      placeholder: { date: 'jj/mm/aaaa', time: 'hh:mm', dateTime: 'jj/mm/aaaa hh:mm', month: 'mois aaaa' },
      unreadable: {
        date: '«\u00a0{{text}}\u00a0» n’est pas une date\u00a0: écrivez-la jour, mois puis année, par exemple 10/03/2027.',
        time: '«\u00a0{{text}}\u00a0» n’est pas une heure\u00a0: écrivez-la par exemple 14:30 ou 14h30.',
        dateTime: '«\u00a0{{text}}\u00a0» n’est pas une date et une heure\u00a0: écrivez-les par exemple 10/03/2027 14:30.',
        month: '«\u00a0{{text}}\u00a0» n’est pas un mois\u00a0: écrivez-le par exemple novembre 2026 ou 11/2026.',
      },
      missingDay: '«\u00a0{{text}}\u00a0» n’existe pas\u00a0: {{month}} n’a que {{days}}\u00a0jours.',
      openCalendar: 'Ouvrir le calendrier',
      calendar: 'Calendrier',
      today: 'aujourd’hui, {{day}}',
      chosen: '{{day}}, choisi',
    },
  },
  {
    typedFields: {
      placeholder: { date: 'dd/mm/yyyy', time: 'hh:mm', dateTime: 'dd/mm/yyyy hh:mm', month: 'month yyyy' },
      unreadable: {
        date: '“{{text}}” is not a date: write the day, the month then the year, e.g. 10/03/2027.',
        time: '“{{text}}” is not a time: write it e.g. 14:30 or 2:30 pm.',
        dateTime: '“{{text}}” is not a date and time: write them e.g. 10/03/2027 14:30.',
        month: '“{{text}}” is not a month: write it e.g. November 2026 or 11/2026.',
      },
      missingDay: '“{{text}}” does not exist: {{month}} has only {{days}} days.',
      openCalendar: 'Open the calendar',
      calendar: 'Calendar',
      today: 'today, {{day}}',
      chosen: '{{day}}, chosen',
    },
  },
);
