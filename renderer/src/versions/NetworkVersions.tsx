import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canonicalJson } from '../../../shared/posts/canonicalJson';
import { plainTextOf } from '../../../shared/posts/document';
import type { DocNode } from '../../../shared/posts/document';
import { networkLabels } from '../../../shared/posts/networks';
import type { Network } from '../../../shared/posts/networks';
import type { Post } from '../../../shared/posts/schema';
import { versionDocs } from '../../../shared/posts/versions';
import type { DraftSaver } from '../editor/draftSaver';
import { VersionEditor } from './VersionEditor';
import './versions.css';

type Docs = Partial<Record<Network, DocNode>>;
type Tab = 'common' | Network;

export interface NetworkVersionsProps {
  /** The stored post (refetched after saves): its versions are taken up when nothing is pending here. */
  post: Post;
  networks: readonly Network[];
  partnerId: string;
  saver: DraftSaver;
  /** The common text as the editor holds it now, to start a version from. */
  commonDoc: () => DocNode;
  /** Each version's plain text as typed, for what depends on a network's final text (its thread). */
  onTexts?: (texts: VersionTexts) => void;
}

export type VersionTexts = Partial<Record<Network, { plainText: string }>>;

/**
 * "Commun" and one tab per target network above the editor. A network's tab edits its own
 * version (created from the common text, removed to fall back on it). Versions are saved
 * through the post's saver like the body, so autosave, retries and conflicts cover them.
 * While a network's tab is open, the common editor is hidden by versions.css.
 */
export function NetworkVersions({ post, networks, partnerId, saver, commonDoc, onTexts }: NetworkVersionsProps) {
  const { t } = useTranslation();
  const [docs, setDocs] = useState<Docs>(() => versionDocs(post.versions));
  const docsRef = useRef(docs);
  // Remounts the version editors when the stored versions replace the local ones (restore, "load theirs").
  const [epoch, setEpoch] = useState(0);
  const [chosen, setChosen] = useState<Tab>('common');
  const active: Tab = chosen !== 'common' && networks.includes(chosen) ? chosen : 'common';

  const stored = versionDocs(post.versions);
  const storedJson = canonicalJson(stored);
  // Read at render: the editor re-renders after a restore or "load theirs" moves the saver's base.
  const baseVersion = saver.baseVersion;
  useEffect(() => {
    // Only a post as current as the saver's base, with nothing typed since: never an older refetch over newer typing.
    if (saver.hasPending || saver.isSaving || post.version !== baseVersion) return;
    if (storedJson === canonicalJson(docsRef.current)) return;
    docsRef.current = stored;
    setDocs(stored);
    setEpoch((n) => n + 1);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `stored` is rebuilt from storedJson's source each render
  }, [post.version, storedJson, saver, baseVersion]);

  useEffect(() => {
    const own = networks.flatMap((network) => {
      const doc = docs[network];
      return doc ? [[network, { plainText: plainTextOf(doc) }] as const] : [];
    });
    onTexts?.(Object.fromEntries(own));
  }, [docs, networks, onTexts]);

  const update = (next: Docs) => {
    docsRef.current = next;
    setDocs(next);
    // Versions of networks no longer targeted are dropped by core too.
    saver.edit({ versions: Object.fromEntries(networks.flatMap((n) => (next[n] ? [[n, next[n]]] : []))) });
  };

  const create = (network: Network) => {
    update({ ...docsRef.current, [network]: commonDoc() });
  };
  const revert = (network: Network) => {
    update(Object.fromEntries(Object.entries(docsRef.current).filter(([n]) => n !== network)));
    void saver.flush();
  };

  const tabs: Tab[] = ['common', ...networks];
  const label = (tab: Tab) => (tab === 'common' ? t('versions.common') : networkLabels[tab]);
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = tabs.indexOf(active);
    const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length] ?? 'common';
    setChosen(next);
    document.getElementById(`version-tab-${next}`)?.focus();
  };

  if (networks.length === 0) return null;
  const doc = active === 'common' ? undefined : docs[active];

  return (
    <div className="network-versions" data-active-kind={active === 'common' ? 'common' : 'version'} data-testid="network-versions">
      <div role="tablist" aria-label={t('versions.tabs')} className="version-tabs" onKeyDown={onKey}>
        {tabs.map((tab) => {
          const own = tab !== 'common' && docs[tab] !== undefined;
          return (
            <button
              key={tab}
              id={`version-tab-${tab}`}
              type="button"
              role="tab"
              aria-selected={tab === active}
              aria-controls={tab === active && active !== 'common' ? 'version-panel' : undefined}
              tabIndex={tab === active ? 0 : -1}
              className={own ? 'own-version' : undefined}
              data-testid={`version-tab-${tab}`}
              onClick={() => setChosen(tab)}
            >
              {own ? t('versions.ownVersion', { network: label(tab) }) : label(tab)}
            </button>
          );
        })}
      </div>
      {active === 'common' ? null : (
        <div role="tabpanel" id="version-panel" aria-labelledby={`version-tab-${active}`} className="version-panel">
          {doc ? (
            <>
              <p className="hint">
                {t('versions.editing', { network: networkLabels[active] })}{' '}
                <button type="button" className="link" data-testid="version-revert" onClick={() => revert(active)}>
                  {t('versions.revert')}
                </button>
              </p>
              <VersionEditor
                key={`${active}-${String(epoch)}`}
                network={active}
                partnerId={partnerId}
                initial={doc}
                onChange={(changed) => update({ ...docsRef.current, [active]: changed })}
                onBlur={() => void saver.flush()}
              />
            </>
          ) : (
            <div className="version-empty">
              <p>{t('versions.usesCommon', { network: networkLabels[active] })}</p>
              <button type="button" className="primary" data-testid="version-create" onClick={() => create(active)}>
                {t('versions.create', { network: networkLabels[active] })}
              </button>
              <p className="hint">{t('versions.createHint', { network: networkLabels[active] })}</p>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
