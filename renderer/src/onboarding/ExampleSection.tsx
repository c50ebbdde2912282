import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { workspaceQuery } from '../app/queries';
import { errorMessage } from '../ui/errorMessage';
import { useExampleWorkspace } from './exampleWorkspace';

/**
 * The example workspace from Settings: onboarding offers it once, and a user who started with an
 * empty workspace (or left the first partner's form) can still load it later, or remove it.
 */
export function ExampleSection() {
  const { t } = useTranslation();
  const workspace = useQuery(workspaceQuery);
  const example = useExampleWorkspace();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage(await action());
    } catch (error) {
      setMessage(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };
  const present = workspace.data?.hasExampleData === true;
  return (
    <section className="settings-section" aria-labelledby="example-title" data-testid="example-section">
      <h2 id="example-title">{t('example.sectionTitle')}</h2>
      <p className="hint">{present ? t('example.present') : t('onboarding.exampleNote')}</p>
      {present ? (
        <button
          disabled={busy}
          onClick={() =>
            void run(async () => ((await example.remove()) ? t('example.removed') : null))
          }
        >
          {t('example.remove')}
        </button>
      ) : (
        <button
          disabled={busy || workspace.data === undefined}
          onClick={() =>
            void run(async () => {
              await example.load();
              return t('example.loaded');
            })
          }
        >
          {t('onboarding.loadExample')}
        </button>
      )}
      {message ? (
        <p role="status" data-testid="example-message">
          {message}
        </p>
      ) : null}
    </section>
  );
}
