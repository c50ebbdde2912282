import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { SnippetFields } from '../../../shared/snippets/schema';
import { api } from '../api';
import { errorMessage } from '../ui/errorMessage';
import { SnippetForm } from './SnippetForm';
import './snippets.css';
import { snippetKeys, useSnippets } from './queries';

/** One owner's snippets (null: the firm's) with their form: the Settings page and the partner page mount it. */
export function SnippetsSection({ partnerId }: { partnerId: string | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const snippets = useSnippets(partnerId);
  const [editing, setEditing] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const titleId = `snippets-title-${partnerId ?? 'firm'}`;
  const refresh = () => queryClient.invalidateQueries({ queryKey: snippetKeys.all });

  const save = async (fields: SnippetFields) => {
    if (editing === 'new') await api.call('snippets.create', { partnerId, fields });
    else if (editing !== null) await api.call('snippets.update', { id: editing, fields });
    await refresh();
    setEditing(null);
  };

  const remove = async (id: string, name: string) => {
    if (!window.confirm(t('snippets.deleteConfirm', { name }))) return;
    setFailure(null);
    try {
      await api.call('snippets.delete', { id });
      await refresh();
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };

  const list = snippets.data ?? [];
  return (
    <section className="snippets-section" aria-labelledby={titleId} data-testid={partnerId === null ? 'firm-snippets' : 'partner-snippets'}>
      <h2 id={titleId}>{t(partnerId === null ? 'snippets.firmTitle' : 'snippets.partnerTitle')}</h2>
      <p className="small muted">{t(partnerId === null ? 'snippets.firmIntro' : 'snippets.partnerIntro')}</p>
      {failure ? (
        <p className="field-error" role="alert">
          {failure}
        </p>
      ) : null}
      {list.length === 0 && snippets.isSuccess ? <p className="empty">{t('snippets.empty')}</p> : null}
      <ul className="snippet-list">
        {list.map((snippet) =>
          editing === snippet.id ? (
            <li key={snippet.id}>
              <SnippetForm snippet={snippet} onSubmit={save} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={snippet.id} className="snippet-card" data-testid="snippet-card">
              <div>
                <strong>{snippet.name}</strong> <span className="badge">{t(`snippets.kind.${snippet.kind}`)}</span>
                {snippet.shortcut ? <kbd className="small">{t('snippets.shortcutLabel', { digit: snippet.shortcut })}</kbd> : null}
                <div className="muted snippet-text">{snippet.text}</div>
              </div>
              <div className="actions">
                <button onClick={() => setEditing(snippet.id)} aria-label={`${t('snippets.edit')} — ${snippet.name}`}>
                  {t('snippets.edit')}
                </button>
                <button className="danger" onClick={() => void remove(snippet.id, snippet.name)} aria-label={`${t('snippets.delete')} — ${snippet.name}`}>
                  {t('snippets.delete')}
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
      {editing === 'new' ? (
        <SnippetForm snippet={null} onSubmit={save} onCancel={() => setEditing(null)} />
      ) : (
        <button onClick={() => setEditing('new')} data-testid="snippet-add">
          {t('snippets.add')}
        </button>
      )}
    </section>
  );
}
