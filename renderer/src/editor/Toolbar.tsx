import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import { EmojiPicker } from './EmojiPicker';
import { useActiveFormats } from './toolbarState';

const SAFE_LINK = /^(?:https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

function LinkIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true">
      <path d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5" />
      <path d="M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" />
    </svg>
  );
}

export function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const [linkOpen, setLinkOpen] = useState(false);
  const [emojiOpen, setEmojiOpen] = useState(false);
  const emojiButton = useRef<HTMLButtonElement>(null);
  const [href, setHref] = useState('');
  const [linkError, setLinkError] = useState(false);
  const active = useActiveFormats(editor);

  const applyLink = () => {
    const value = href.trim();
    if (value === '') {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
    } else if (!SAFE_LINK.test(value)) {
      setLinkError(true);
      return;
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href: value }).run();
    }
    setLinkOpen(false);
    setLinkError(false);
  };

  const button = (name: keyof typeof active, label: string, run: () => void, text: React.ReactNode) => (
    <button type="button" className={active[name] ? 'tool active' : 'tool'} aria-pressed={active[name]} aria-label={label} title={label} onMouseDown={(e) => e.preventDefault()} onClick={run}>
      {text}
    </button>
  );

  return (
    <div className="toolbar" role="toolbar" aria-label="Format">
      {button('bold', t('editor.bold'), () => editor.chain().focus().toggleBold().run(), 'B')}
      {button('italic', t('editor.italic'), () => editor.chain().focus().toggleItalic().run(), 'I')}
      {button('bulletList', t('editor.bulletList'), () => editor.chain().focus().toggleBulletList().run(), '•')}
      {button('orderedList', t('editor.orderedList'), () => editor.chain().focus().toggleOrderedList().run(), '1.')}
      {button('link', t('editor.link'), () => {
        setHref((editor.getAttributes('link').href as string | undefined) ?? '');
        setLinkOpen((open) => !open);
      }, <LinkIcon />)}
      <button ref={emojiButton} type="button" className="tool" aria-label={t('editor.emoji')} title={t('editor.emoji')} aria-haspopup="listbox" aria-expanded={emojiOpen} onClick={() => setEmojiOpen((open) => !open)}>
        😊
      </button>
      {linkOpen ? (
        <div className="popover link-popover">
          <input
            aria-label={t('editor.linkPrompt')}
            placeholder={t('editor.linkPrompt')}
            value={href}
            autoFocus
            onChange={(e) => setHref(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                applyLink();
              } else if (e.key === 'Escape') setLinkOpen(false);
            }}
          />
          <button type="button" onClick={applyLink}>OK</button>
          {linkError ? <p className="field-error" role="alert">{t('editor.linkInvalid')}</p> : null}
        </div>
      ) : null}
      {emojiOpen ? (
        <EmojiPicker
          onPick={(emoji) => {
            editor.chain().focus().insertContent(emoji).run();
            setEmojiOpen(false);
          }}
          onClose={() => {
            setEmojiOpen(false);
            emojiButton.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}
