import { describe, expect, it } from 'vitest';
import { uiMessages } from '../../../renderer/src/i18n/resources';
import { emailStrings } from '../../../electron/core/signoff/email/strings';
import { previewStrings } from '../../../electron/core/signoff/email/previewStrings';
import { loopbackPageWords } from '../../../electron/core/credentials/oauth/loopbackListener';
import { voiceLineWords } from '../../../electron/core/reports/render/voiceLine';
import { reportMessages } from '../../../shared/reports/messages';
import { digestStrings } from '../../../shared/digest/strings';
import { editorialMessagesFr } from '../../../shared/editorial/messages';
import { calendarMessagesFr } from '../../../shared/calendar/messages';
import { avocatsFrancePack } from '../../../shared/editorial/packs/avocatsFrance';

/**
 * Every string of a nested dictionary, with its dotted key. A template function is called with
 * a stand-in for each argument, so the text around the values is checked too.
 */
function strings(node: unknown, path: string[] = []): [string, string][] {
  if (typeof node === 'string') return [[path.join('.'), node]];
  if (typeof node === 'function') {
    const filled: unknown = Reflect.apply(node, undefined, Array.from({ length: node.length }, () => 'Valeur'));
    return strings(filled, [...path, '()']);
  }
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => strings(value, [...path, key]));
}

/**
 * A plain space where French wants a no-break one: before : ; ! ? and », after «. Placeholders
 * (`{{name}}`, `{name}`) and addresses are set aside; a time like 14:30 has no space at all.
 */
const PLAIN_SPACE = / [:;!?»]|« /u;
const checked = (text: string): string => text.replace(/\{\{[^}]*\}\}|\{\w+\}/gu, 'X').replace(/\b(?:https?|mailto):\S+/gu, 'URL');

const frenchTexts: Record<string, unknown> = {
  ui: uiMessages('fr'),
  signoffEmail: emailStrings.fr,
  signoffEmailPreview: previewStrings.fr,
  oauthPage: Object.fromEntries(Object.entries(loopbackPageWords).map(([name, words]) => [name, words.fr])),
  report: reportMessages.fr,
  reportVoice: voiceLineWords.fr,
  digest: digestStrings.fr,
  editorial: editorialMessagesFr,
  calendar: calendarMessagesFr,
  avocatsPack: avocatsFrancePack({ barMention: 'Avocate au barreau de Paris', clientNames: ['Dupont'] }).rules.map((rule) => ({
    source: rule.source,
    message: rule.message?.fr,
  })),
};

describe('French as Plume writes it', () => {
  it('never leaves a plain space before : ; ! ? », or after «, in any French text (UI, e-mails, pages, reports, digest, findings)', () => {
    // A plain space lets a line break strand the sign at the start of a line.
    const offending = strings(frenchTexts).filter(([, text]) => PLAIN_SPACE.test(checked(text)));
    expect(offending).toEqual([]);
  });
});
