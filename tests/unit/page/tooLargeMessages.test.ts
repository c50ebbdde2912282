import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { ApiError } from '../../../shared/api/errors';
import { MAX_REQUEST_BYTES, requestTooLarge } from '../../../shared/api/requestSize';
import { initUiTranslations } from '../../support/uiTranslations';
import { errorMessage } from '../../../renderer/src/ui/errorMessage';
import { fileTooLargeError } from '../../../renderer/src/ui/fileTooLarge';

beforeAll(initUiTranslations);

/** ICU versions put a no-break space or a narrow one before the unit: either is right. */
const plain = (text: string) => text.replace(/[\u202f]/g, '\u00a0');
const MB = 1024 * 1024;

describe('a file too large for Plume says so with both sizes, in French and English', () => {
  it('a picked file over its limit is refused before it is read: « Fichier trop volumineux (9,1 Mo ; au plus 5 Mo) »', async () => {
    const photo = new Blob([new Uint8Array(Math.round(9.1 * MB))]);
    const refused = fileTooLargeError(photo, 5 * MB);
    expect(refused).toBeInstanceOf(ApiError);
    await i18next.changeLanguage('fr');
    expect(plain(errorMessage(i18next.t, refused))).toBe('Fichier trop volumineux (9,1\u00a0Mo\u00a0; au plus 5\u00a0Mo)\u00a0: rien n’a été envoyé. Choisissez un fichier plus petit.');
    await i18next.changeLanguage('en');
    expect(plain(errorMessage(i18next.t, refused))).toBe('File too large (9.1 MB; at most 5 MB): nothing was sent. Pick a smaller file.');
    expect(fileTooLargeError(new Blob([new Uint8Array(10)]), 5 * MB)).toBeNull();
  });

  it('core’s 413 names the size sent and the 8 MB limit, not « Plume ne répond pas »', async () => {
    await i18next.changeLanguage('fr');
    expect(plain(errorMessage(i18next.t, new ApiError(requestTooLarge(Math.round(12.2 * MB)))))).toBe(
      'Envoi trop volumineux (12\u00a0Mo\u00a0; au plus 8\u00a0Mo)\u00a0: rien n’a été envoyé. Choisissez un fichier plus petit.',
    );
    expect(MAX_REQUEST_BYTES).toBe(8 * MB);
  });
});
