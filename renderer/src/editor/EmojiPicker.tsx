import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { loadEmojiNames } from './emojiNames';

export const EMOJI = ['👍', '👏', '🙏', '🎉', '🚀', '💡', '📣', '📌', '📅', '📚', '⚖️', '🤝', '✅', '❗', '➡️', '🔎', '🌍', '🇫🇷', '🇲🇦', '🇨🇦', '😊', '🙂', '💬', '📈'];

export interface EmojiPickerProps {
  onPick: (emoji: string) => void;
  /** Escape: the picker closes and its opener takes the focus back. */
  onClose: () => void;
}

/**
 * The toolbar's emoji: each named in the UI's language (CLDR short names, loaded with the picker),
 * the focus on the first one as it opens, arrow keys (Home, End) from one to the next, Enter
 * inserts, Escape closes.
 */
export function EmojiPicker({ onPick, onClose }: EmojiPickerProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'fr';
  const names = useQuery({ queryKey: ['emojiNames', language], queryFn: () => loadEmojiNames(language, EMOJI), staleTime: Infinity, gcTime: Infinity });
  // Names unreadable (a chunk that failed to load): the emoji still insert, named by themselves.
  const named = names.data ?? (names.error ? new Map<string, string>() : null);
  const [active, setActive] = useState(0);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = EMOJI.length - 1;
    const moves: Partial<Record<string, number>> = {
      ArrowRight: Math.min(last, active + 1),
      ArrowDown: Math.min(last, active + 1),
      ArrowLeft: Math.max(0, active - 1),
      ArrowUp: Math.max(0, active - 1),
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (next !== undefined) {
      event.preventDefault();
      setActive(next);
      const options = event.currentTarget.querySelectorAll<HTMLButtonElement>('button.emoji');
      options[next]?.focus();
    }
  };

  return (
    <div className="popover emoji-popover" data-testid="emoji-picker" onKeyDown={onKeyDown}>
      {named ? (
        <div role="listbox" aria-label={t('editor.emoji')} aria-orientation="horizontal" className="emoji-list">
          {EMOJI.map((emoji, index) => (
            <button
              key={emoji}
              type="button"
              role="option"
              aria-selected={index === active}
              aria-label={named.get(emoji) ?? emoji}
              title={named.get(emoji)}
              tabIndex={index === active ? 0 : -1}
              // The focus moves into the picker as it opens.
              autoFocus={index === 0}
              className="emoji"
              onFocus={() => setActive(index)}
              onClick={() => onPick(emoji)}
            >
              {emoji}
            </button>
          ))}
        </div>
      ) : (
        // Focused meanwhile, so that Escape closes the picker while its names load.
        <p className="muted small" tabIndex={-1} autoFocus>
          {t('editor.emojiLoading')}
        </p>
      )}
      <p className="hint">{t('editor.emojiHint')}</p>
    </div>
  );
}
