import { useId, useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SnippetInput, SnippetKind } from '../../../shared/snippets/schema';
import type { Snippet, SnippetFields } from '../../../shared/snippets/schema';
import { fieldErrors } from '../ui/errorMessage';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** Creates or edits one snippet; the schema core uses validates here first. */
export function SnippetForm({ snippet, onSubmit, onCancel }: { snippet: Snippet | null; onSubmit: (fields: SnippetFields) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<SnippetKind>(snippet?.kind ?? 'signature');
  const [name, setName] = useState(snippet?.name ?? '');
  const [text, setText] = useState(snippet?.text ?? '');
  const [shortcut, setShortcut] = useState(snippet?.shortcut ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const parsed = SnippetInput.safeParse({ kind, name, text, shortcut: shortcut === '' ? null : shortcut });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), t(issue.message)])));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await onSubmit(parsed.data);
    } catch (error) {
      setErrors(fieldErrors(t, error));
    } finally {
      setBusy(false);
    }
  };

  const error = (field: string) =>
    errors[field] ? (
      <span className="field-error" id={`${id}-${field}-error`}>
        {errors[field]}
      </span>
    ) : null;

  return (
    <form className="snippet-form" onSubmit={(event) => void submit(event)} noValidate data-testid="snippet-form">
      <div className="row">
        <label className="field">
          {t('snippets.fields.kind')}
          <select value={kind} onChange={(e) => setKind(SnippetKind.catch('phrase').parse(e.target.value))} data-testid="snippet-kind">
            {SnippetKind.options.map((option) => (
              <option key={option} value={option}>
                {t(`snippets.kind.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label className={errors.name ? 'field invalid' : 'field'}>
          {t('snippets.fields.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} aria-invalid={errors.name ? true : undefined} aria-describedby={errors.name ? `${id}-name-error` : undefined} data-testid="snippet-name" />
          {error('name')}
        </label>
        <label className={errors.shortcut ? 'field invalid' : 'field'}>
          {t('snippets.fields.shortcut')}
          <select value={shortcut} onChange={(e) => setShortcut(e.target.value)} aria-describedby={`${id}-shortcut-hint`} data-testid="snippet-shortcut">
            <option value="">{t('snippets.noShortcut')}</option>
            {DIGITS.map((digit) => (
              <option key={digit} value={digit}>
                {t('snippets.shortcutLabel', { digit })}
              </option>
            ))}
          </select>
          {error('shortcut')}
        </label>
      </div>
      <p className="small muted" id={`${id}-shortcut-hint`}>
        {t('snippets.shortcutHint')}
      </p>
      <label className={errors.text ? 'field wide invalid' : 'field wide'}>
        {t('snippets.fields.text')}
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} maxLength={1000} aria-invalid={errors.text ? true : undefined} aria-describedby={errors.text ? `${id}-text-error` : undefined} data-testid="snippet-text" />
        {error('text')}
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="snippet-save">
          {t('snippets.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('snippets.cancel')}
        </button>
      </div>
    </form>
  );
}
