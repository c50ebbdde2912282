import type { Locale } from '../../../../shared/partners/schema';
import { fill } from '../../../../shared/reports/messages';
import type { ReportVoice } from '../../../../shared/reports/voice';
import type { RenderContext } from './context';
import { escapeHtml as esc } from './escape';

/** French typography: no-break space before « : », narrow one before %. */
export const voiceLineWords: Record<Locale, { readsLike: string; readsLikeOne: string; partlyOne: string; partlyOther: string; learning: string }> = {
  fr: {
    readsLike: 'Voix\u00a0: {readsLike} des {scored} posts publiés ce mois-ci se lisent comme {partner} ({percent}\u202f%)',
    readsLikeOne: 'Voix\u00a0: {readsLike} des {scored} posts publiés ce mois-ci se lit comme {partner} ({percent}\u202f%)',
    partlyOne: ' — {rest} autre non lu\u00a0: profil en apprentissage dans sa langue',
    partlyOther: ' — {rest} autres non lus\u00a0: profil en apprentissage dans leur langue',
    learning: 'Voix\u00a0: profil en apprentissage (moins de 10 posts approuvés ou publiés dans la langue, ou des voix pas encore distinctes)',
  },
  en: {
    readsLike: 'Voice: {readsLike} of the {scored} posts published this month read like {partner} ({percent}%)',
    readsLikeOne: 'Voice: {readsLike} of the {scored} posts published this month reads like {partner} ({percent}%)',
    partlyOne: ' — {rest} more not read: profile still learning in its language',
    partlyOther: ' — {rest} more not read: profile still learning in their language',
    learning: 'Voice: profile still learning (fewer than 10 approved or published posts in the language, or voices not yet distinct)',
  },
};

/** The voice profile's line of a partner's month: the share of its posts that read like the partner, or the abstention. */
export function voiceLine(ctx: RenderContext, locale: Locale, partner: string, voice: ReportVoice | undefined): string {
  if (voice === undefined) return '';
  const w = voiceLineWords[locale];
  const text =
    voice.scored === 0
      ? w.learning
      : fill(voice.readsLike === 1 ? w.readsLikeOne : w.readsLike, { readsLike: ctx.fmt.int(voice.readsLike), scored: ctx.fmt.int(voice.scored), partner, percent: ctx.fmt.int(Math.round((voice.readsLike / voice.scored) * 100)) }) +
        (voice.scored < voice.posts ? fill(voice.posts - voice.scored === 1 ? w.partlyOne : w.partlyOther, { rest: ctx.fmt.int(voice.posts - voice.scored) }) : '');
  return `<p class="muted voice" data-section="voice">${esc(text)}</p>`;
}
