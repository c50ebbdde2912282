import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partner } from '../../../shared/partners/schema';

/** Several partners and none in context: the user says whom the new post is for. */
export function NewPostChooser({ partners, onPick, onClose }: { partners: readonly Partner[]; onPick: (partnerId: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="search-dialog" onClose={onClose} aria-labelledby="new-post-chooser-title" data-testid="new-post-chooser">
      <h2 id="new-post-chooser-title">{t('posts.chooser.title')}</h2>
      <ul className="search-results partner-choices">
        {partners.map((partner, index) => (
          <li key={partner.id}>
            <button autoFocus={index === 0} onClick={() => onPick(partner.id)}>
              <span className="swatch" style={{ background: partner.color }} aria-hidden="true" /> {partner.displayName}
            </button>
          </li>
        ))}
      </ul>
      <button className="link" onClick={onClose}>
        {t('posts.chooser.cancel')}
      </button>
    </dialog>
  );
}
