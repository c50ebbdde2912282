import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import { matchesQuery } from '../../../shared/snippets/available';
import type { Snippet } from '../../../shared/snippets/schema';
import { insertSnippet } from './insert';
import type { SnippetSession, SnippetSnapshot } from './snippetSession';

/**
 * The snippet picker at the caret: a combobox filtering a listbox (partner's snippets first,
 * then the firm's). Arrows move, Enter inserts, Escape closes and gives the caret back.
 */
export function SnippetPicker({ editor, session, snapshot }: { editor: Editor; session: SnippetSession; snapshot: SnippetSnapshot }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // Where the caret is now; the picker opens just below it.
  const [at] = useState(() => {
    const coords = editor.view.coordsAtPos(editor.state.selection.from);
    return { top: coords.bottom + 4, left: coords.left };
  });
  useEffect(() => input.current?.focus(), []);

  const options = snapshot.snippets.filter((snippet) => matchesQuery(snippet, query));
  const current = Math.min(active, Math.max(0, options.length - 1));

  const close = () => {
    session.closePicker();
    editor.commands.focus();
  };
  const choose = (snippet: Snippet) => {
    session.closePicker();
    const lockedText = snapshot.locked.get(snippet.id);
    insertSnippet(editor, { id: snippet.id, text: lockedText ?? snippet.text, locked: lockedText !== undefined });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (options.length > 0) setActive((current + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = options[current];
      if (chosen) choose(chosen);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  const optionId = (index: number) => `${id}-option-${String(index)}`;
  return (
    <div className="snippet-picker" role="dialog" aria-label={t('snippets.picker.label')} style={{ top: at.top, left: at.left }} data-testid="snippet-picker">
      <input
        ref={input}
        role="combobox"
        aria-label={t('snippets.picker.filter')}
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={options.length > 0 ? optionId(current) : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => session.closePicker()}
        data-testid="snippet-filter"
      />
      <ul role="listbox" id={`${id}-list`} aria-label={t('snippets.picker.label')}>
        {options.map((snippet, index) => (
          <li
            key={snippet.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            className={index === current ? 'active' : undefined}
            // Keeps the focus in the filter, so the blur does not close the picker before the click.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(snippet)}
          >
            <strong>{snippet.name}</strong>
            {snippet.partnerId === null ? <span className="badge">{t('snippets.firmBadge')}</span> : null}
            {snapshot.locked.has(snippet.id) ? <span className="badge">{t('snippets.picker.locked')}</span> : null}
            {snippet.shortcut ? <kbd>{t('snippets.shortcutLabel', { digit: snippet.shortcut })}</kbd> : null}
            <div className="muted small">{snippet.text}</div>
          </li>
        ))}
      </ul>
      {options.length === 0 ? <p className="small muted">{t(snapshot.snippets.length === 0 ? 'snippets.picker.noneAtAll' : 'snippets.picker.none')}</p> : null}
    </div>
  );
}
