import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { ApiError } from '../../../shared/api/errors';
import { initUiTranslations } from '../../support/uiTranslations';
import { errorMessage } from '../../../renderer/src/ui/errorMessage';

beforeAll(initUiTranslations);

/** What core answers while it reopens the workspace file (electron/core/storage/storageErrors.ts). */
const reopening = new ApiError({
  code: 'unavailable',
  messageKey: 'errors.workspaceReopening',
  message: 'The workspace file is being reopened: nothing was done. Try again in a moment.',
  details: { file: '/tmp/plume.sqlite', retryable: true },
});

describe('a call made while the workspace file is reopened', () => {
  it('says to try again in a moment, in French and in English, not « Erreur interne » nor « restaurez une sauvegarde »', async () => {
    await i18next.changeLanguage('fr');
    expect(errorMessage(i18next.t, reopening)).toBe('Plume rouvre le fichier de l’espace de travail\u00a0: rien n’a été fait. Réessayez dans un instant.');
    await i18next.changeLanguage('en');
    expect(errorMessage(i18next.t, reopening)).toBe('Plume is reopening the workspace file: nothing was done. Try again in a moment.');
  });
});
