import i18next from 'i18next';
import type { i18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { frenchHolidayIds } from '../../../shared/calendar/holidays';
import { dstMessages, holidayNameKey, slotAdjustmentMessage, warningMessage } from '../../../shared/calendar/messageParams';
import type { MessageDescriptor } from '../../../shared/calendar/messageParams';
import { calendarMessagesEn, calendarMessagesFr } from '../../../shared/calendar/messages';
import { nextFreeSlot } from '../../../shared/calendar/slots';
import { calendarWarningKinds } from '../../../shared/calendar/warnings';
import type { CalendarWarning } from '../../../shared/calendar/warnings';
import { resolveLocalTime } from '../../../shared/calendar/zonedTime';
import type { AmbiguousTime, GapTime } from '../../../shared/calendar/zonedTime';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`),
  );
}

const fr = leaves(calendarMessagesFr);
const en = leaves(calendarMessagesEn);

/** One warning of every kind, as `calendarWarnings` returns them. */
const samples: CalendarWarning[] = [
  { kind: 'cadenceShortfall', weekStart: '2026-03-23', weekEnd: '2026-03-29', network: 'linkedin', count: 0, min: 2, postIds: [] },
  { kind: 'cadenceExcess', weekStart: '2026-03-23', weekEnd: '2026-03-29', network: 'bluesky', count: 4, max: 3, postIds: ['a', 'b', 'c', 'd'] },
  { kind: 'dailyLimitExceeded', date: '2026-03-24', count: 3, max: 2, postIds: ['a', 'b', 'c'] },
  { kind: 'quietDay', date: '2026-03-29', time: '10:00', weekday: 7, postIds: ['a'] },
  { kind: 'quietHours', date: '2026-03-24', time: '21:15', from: '20:00', to: '08:00', postIds: ['a'] },
  { kind: 'frenchHoliday', date: '2026-05-14', time: '10:00', holiday: 'ascensionDay', postIds: ['a'] },
  { kind: 'blackoutDate', date: '2026-03-18', time: '16:00', postIds: ['a'] },
  {
    kind: 'pillarOffTarget',
    month: '2026-03',
    pillar: 'expertise',
    count: 3,
    total: 10,
    actualShare: 0.3,
    targetShare: 0.5,
    actualPercent: 30,
    targetPercent: 50,
    deviationPoints: -20,
    postIds: ['a', 'b', 'c'],
  },
];

function createI18n(language: 'fr' | 'en'): Promise<i18n> {
  const instance = i18next.createInstance();
  return instance
    .init({
      lng: language,
      resources: { fr: { translation: calendarMessagesFr }, en: { translation: calendarMessagesEn } },
      interpolation: { escapeValue: false },
    })
    .then(() => instance);
}

function variables(template: string): string[] {
  return [...template.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '');
}

/** Every template a descriptor may resolve to (its plural forms included). */
function templatesOf(descriptor: MessageDescriptor, dictionary: [string, string][]): string[] {
  return dictionary.filter(([key]) => key === descriptor.key || key.startsWith(`${descriptor.key}_`)).map(([, template]) => template);
}

const gap = resolveLocalTime({ date: '2026-03-29', time: '02:30' }, 'Europe/Paris') as GapTime;
const twice = resolveLocalTime({ date: '2026-10-25', time: '02:30' }, 'Europe/Paris') as AmbiguousTime;
const movedSlot = nextFreeSlot({ after: Date.parse('2026-03-28T12:00:00Z'), slots: [{ network: 'linkedin', weekday: 7, time: '02:30' }], zone: 'Europe/Paris' });

function allDescriptors(): MessageDescriptor[] {
  const dst = [dstMessages(gap, 'Europe/Paris'), dstMessages(twice, 'Europe/Paris')].flatMap((m) => [m.explanation, ...m.options]);
  const slot = movedSlot ? slotAdjustmentMessage(movedSlot) : null;
  return [...samples.map((w) => warningMessage(w, { partner: 'Me Dupont' })), ...dst, ...(slot ? [slot] : [])];
}

describe('the calendar dictionaries', () => {
  it('have the same keys in French and English, under one calendar namespace', () => {
    expect(Object.keys(calendarMessagesFr)).toEqual(['calendar']);
    expect(en.map(([key]) => key)).toEqual(fr.map(([key]) => key));
  });

  it('name every holiday in both languages', () => {
    for (const id of frenchHolidayIds) {
      expect(fr.find(([key]) => key === holidayNameKey(id))?.[1]).toBeTruthy();
      expect(en.find(([key]) => key === holidayNameKey(id))?.[1]).toBeTruthy();
    }
  });

  it('have a template for every warning kind', () => {
    for (const kind of calendarWarningKinds) {
      const key = `calendar.warnings.${kind}`;
      expect(fr.some(([k]) => k === key || k.startsWith(`${key}_`)), kind).toBe(true);
    }
  });

  it('follow French typography: a no-break space before : ; ! ? % » and after «', () => {
    for (const [key, template] of fr) {
      expect(template, key).not.toMatch(/ [:;!?%»]/);
      expect(template, key).not.toMatch(/[^\u00a0\u202f][;!?%»]/);
      expect(template, key).not.toMatch(/[^\u00a0\u202f\d]:/);
      expect(template, key).not.toMatch(/«[^\u00a0]/);
      expect(template, key).not.toContain("'");
    }
  });

  it('get every variable they use from the message builders', () => {
    const descriptors = allDescriptors();
    expect(descriptors).toHaveLength(samples.length + 6 + 1);
    for (const descriptor of descriptors) {
      const templates = [...templatesOf(descriptor, fr), ...templatesOf(descriptor, en)];
      expect(templates.length, descriptor.key).toBeGreaterThan(0);
      for (const name of templates.flatMap(variables)) expect(Object.keys(descriptor.values), `${descriptor.key} {{${name}}}`).toContain(name);
    }
  });
});

describe('the messages as the UI shows them (real i18next)', () => {
  let frT: i18n;
  let enT: i18n;
  beforeAll(async () => {
    [frT, enT] = await Promise.all([createI18n('fr'), createI18n('en')]);
  });

  const render = (t: i18n, descriptor: MessageDescriptor): string => t.t(descriptor.key, descriptor.values);

  it('says "Me Dupont: 0 of 2 LinkedIn posts", with the plural of the minimum', () => {
    const [shortfall] = samples;
    if (!shortfall) throw new Error('no sample');
    expect(render(enT, warningMessage(shortfall, { partner: 'Me Dupont' }))).toBe('Me Dupont: 0 of 2 LinkedIn posts in the week of 2026-03-23');
    expect(render(frT, warningMessage(shortfall, { partner: 'Me Dupont' }))).toBe('Me Dupont\u00a0: 0 sur 2 publications LinkedIn prévues la semaine du 2026-03-23');
    const oneMin = { ...shortfall, min: 1 };
    expect(render(enT, warningMessage(oneMin, { partner: 'Me Dupont' }))).toBe('Me Dupont: 0 of 1 LinkedIn post in the week of 2026-03-23');
    expect(render(frT, warningMessage(oneMin, { partner: 'Me Dupont' }))).toBe('Me Dupont\u00a0: 0 publication LinkedIn sur 1 prévue la semaine du 2026-03-23');
  });

  it('formats dates and months and names holidays with the UI helpers', () => {
    const holiday = samples.find((w) => w.kind === 'frenchHoliday');
    if (!holiday) throw new Error('no sample');
    const context = { partner: 'Me Dupont', formatDate: () => 'jeudi 14 mai', translate: (key: string) => frT.t(key) };
    expect(render(frT, warningMessage(holiday, context))).toBe('Me Dupont\u00a0: publication le jeudi 14 mai, jour férié (Ascension)');
    const pillar = samples.find((w) => w.kind === 'pillarOffTarget');
    if (!pillar) throw new Error('no sample');
    expect(render(enT, warningMessage(pillar, { partner: 'Me Dupont', formatMonth: () => 'March 2026' }))).toBe(
      'Me Dupont — March 2026: “expertise” is 30% of posts (3 of 10) against a target of 50%',
    );
  });

  it('explains a DST gap and offers its two options', () => {
    const { explanation, options } = dstMessages(gap, 'Europe/Paris');
    expect(render(enT, explanation)).toBe('On 2026-03-29, 02:30 does not exist (Europe/Paris): clocks jump from 02:00 to 03:00.');
    expect(options.map((o) => render(enT, o))).toEqual(['Publish at 03:00, right after the clock change', 'Publish at 03:30, the requested time moved 60 min later']);
    const ambiguous = dstMessages(twice, 'Europe/Paris');
    expect(ambiguous.options.map((o) => render(frT, o))).toEqual(['02:30 UTC+2, la première fois', '02:30 UTC+1, la seconde fois']);
  });

  it('explains a slot moved out of a gap, and nothing for an ordinary slot', () => {
    if (!movedSlot) throw new Error('no slot');
    const message = slotAdjustmentMessage(movedSlot);
    expect(message && render(enT, message)).toBe('The 02:30 slot does not exist on 2026-03-29 (clock change): it moves to 03:00.');
    expect(slotAdjustmentMessage({ ...movedSlot, adjustment: 'exact' })).toBeNull();
  });

  it('renders every message without a leftover {{placeholder}}', () => {
    for (const descriptor of allDescriptors()) {
      for (const t of [frT, enT]) expect(render(t, descriptor), descriptor.key).not.toMatch(/\{\{|\}\}|calendar\./);
    }
  });
});
