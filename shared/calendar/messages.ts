/**
 * The calendar's UI texts, French first, under one top-level `calendar` namespace
 * (i18next, `{{var}}` interpolation; `_one`/`_other` are i18next plural forms chosen by `count`).
 * French typography: no-break space (U+00A0) before « : » and inside guillemets, narrow
 * no-break space (U+202F) before ; ! ? and %. Written as escapes so nobody loses them in an edit.
 * `messageParams.ts` builds the keys and values; it is shaped for the renderer's `defineMessages`.
 */

/** Same keys, any words: English must mirror French exactly (checked by the compiler). */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const calendarMessagesFr = {
  calendar: {
    holidays: {
      newYearsDay: 'Jour de l’an',
      goodFriday: 'Vendredi saint',
      easterMonday: 'Lundi de Pâques',
      labourDay: 'Fête du Travail',
      victoryInEuropeDay: 'Victoire du 8 mai 1945',
      ascensionDay: 'Ascension',
      whitMonday: 'Lundi de Pentecôte',
      bastilleDay: 'Fête nationale',
      assumptionDay: 'Assomption',
      allSaintsDay: 'Toussaint',
      armisticeDay: 'Armistice du 11 novembre 1918',
      christmasDay: 'Noël',
      stStephensDay: 'Saint-Étienne',
    },
    warnings: {
      cadenceShortfall_one: '{{partner}}\u00a0: {{actual}} publication {{network}} sur {{count}} prévue la semaine du {{weekStart}}',
      cadenceShortfall_other: '{{partner}}\u00a0: {{actual}} sur {{count}} publications {{network}} prévues la semaine du {{weekStart}}',
      cadenceExcess_one: '{{partner}}\u00a0: {{count}} publication {{network}} la semaine du {{weekStart}} (maximum\u00a0: {{max}})',
      cadenceExcess_other: '{{partner}}\u00a0: {{count}} publications {{network}} la semaine du {{weekStart}} (maximum\u00a0: {{max}})',
      dailyLimitExceeded: '{{partner}}\u00a0: {{count}} publications le {{date}} (maximum\u00a0: {{max}} par jour)',
      quietDay: '{{partner}}\u00a0: publication le {{date}} à {{time}}, un jour sans publication',
      quietHours: '{{partner}}\u00a0: publication à {{time}} le {{date}}, pendant les heures calmes ({{from}}–{{to}})',
      frenchHoliday: '{{partner}}\u00a0: publication le {{date}}, jour férié ({{holiday}})',
      blackoutDate: '{{partner}}\u00a0: publication le {{date}}, une date exclue du calendrier',
      pillarOffTarget:
        '{{partner}} — {{month}}\u00a0: «\u00a0{{pillar}}\u00a0» fait {{actualPercent}}\u202f% des publications ({{count}} sur {{total}}) pour un objectif de {{targetPercent}}\u202f%',
    },
    dst: {
      gap: 'Le {{date}}, {{time}} n’existe pas ({{zone}})\u00a0: les horloges passent de {{gapStart}} à {{gapEnd}}.',
      gapChooseAfter: 'Publier à {{gapEnd}}, dès le changement d’heure',
      gapChooseShifted: 'Publier à {{shiftedTime}}, l’heure demandée décalée de {{gapMinutes}}\u00a0min',
      ambiguous: 'Le {{date}}, {{time}} a lieu deux fois ({{zone}}, changement d’heure)\u00a0: laquelle choisir\u202f?',
      ambiguousEarlier: '{{time}} {{earlierOffset}}, la première fois',
      ambiguousLater: '{{time}} {{laterOffset}}, la seconde fois',
    },
    slots: {
      movedOutOfGap: 'Le créneau de {{time}} n’existe pas le {{date}} (changement d’heure)\u00a0: il passe à {{actualTime}}.',
      earlierOfTwo: 'Le créneau de {{time}} a lieu deux fois le {{date}} (changement d’heure)\u00a0: la première ({{offset}}) est retenue.',
    },
    errors: {
      localTime: 'Heure invalide (de 00\u00a0h\u00a000 à 23\u00a0h\u00a059, par exemple 08\u00a0h\u00a030).',
      localDate: 'Date invalide (format AAAA-MM-JJ).',
      range: 'Période invalide\u00a0: la fin doit suivre le début, sur 400\u00a0jours au plus.',
      scheduleZone: 'Une date de publication va toujours avec un fuseau horaire.',
      duplicateSlot: 'Ce créneau (réseau, jour et heure) figure déjà dans la liste.',
    },
  },
};

export const calendarMessagesEn: Widen<typeof calendarMessagesFr> = {
  calendar: {
    holidays: {
      newYearsDay: 'New Year’s Day',
      goodFriday: 'Good Friday',
      easterMonday: 'Easter Monday',
      labourDay: 'Labour Day',
      victoryInEuropeDay: 'Victory in Europe Day',
      ascensionDay: 'Ascension Day',
      whitMonday: 'Whit Monday',
      bastilleDay: 'Bastille Day',
      assumptionDay: 'Assumption Day',
      allSaintsDay: 'All Saints’ Day',
      armisticeDay: 'Armistice Day',
      christmasDay: 'Christmas Day',
      stStephensDay: 'St Stephen’s Day',
    },
    warnings: {
      cadenceShortfall_one: '{{partner}}: {{actual}} of {{count}} {{network}} post in the week of {{weekStart}}',
      cadenceShortfall_other: '{{partner}}: {{actual}} of {{count}} {{network}} posts in the week of {{weekStart}}',
      cadenceExcess_one: '{{partner}}: {{count}} {{network}} post in the week of {{weekStart}} (maximum: {{max}})',
      cadenceExcess_other: '{{partner}}: {{count}} {{network}} posts in the week of {{weekStart}} (maximum: {{max}})',
      dailyLimitExceeded: '{{partner}}: {{count}} posts on {{date}} (maximum: {{max}} a day)',
      quietDay: '{{partner}}: post on {{date}} at {{time}}, a day without posts',
      quietHours: '{{partner}}: post at {{time}} on {{date}}, during quiet hours ({{from}}–{{to}})',
      frenchHoliday: '{{partner}}: post on {{date}}, a public holiday ({{holiday}})',
      blackoutDate: '{{partner}}: post on {{date}}, a blackout date',
      pillarOffTarget: '{{partner}} — {{month}}: “{{pillar}}” is {{actualPercent}}% of posts ({{count}} of {{total}}) against a target of {{targetPercent}}%',
    },
    dst: {
      gap: 'On {{date}}, {{time}} does not exist ({{zone}}): clocks jump from {{gapStart}} to {{gapEnd}}.',
      gapChooseAfter: 'Publish at {{gapEnd}}, right after the clock change',
      gapChooseShifted: 'Publish at {{shiftedTime}}, the requested time moved {{gapMinutes}} min later',
      ambiguous: 'On {{date}}, {{time}} happens twice ({{zone}}, clock change): which one?',
      ambiguousEarlier: '{{time}} {{earlierOffset}}, the first time',
      ambiguousLater: '{{time}} {{laterOffset}}, the second time',
    },
    slots: {
      movedOutOfGap: 'The {{time}} slot does not exist on {{date}} (clock change): it moves to {{actualTime}}.',
      earlierOfTwo: 'The {{time}} slot happens twice on {{date}} (clock change): the first one ({{offset}}) is used.',
    },
    errors: {
      localTime: 'Invalid time (HH:MM, from 00:00 to 23:59).',
      localDate: 'Invalid date (YYYY-MM-DD).',
      range: 'Invalid period: the end must follow the start, 400 days at most.',
      scheduleZone: 'A publication time always comes with a time zone.',
      duplicateSlot: 'This slot (network, day and time) is already in the list.',
    },
  },
};

/** Both dictionaries, in the shape of the renderer's `FeatureMessages`. */
export const calendarMessages = { fr: calendarMessagesFr, en: calendarMessagesEn };
