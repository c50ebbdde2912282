import { useCachedText } from '../i18n/cachedText';
import { networkLabels } from '../../../shared/posts/networks';
import type { Network } from '../../../shared/posts/networks';

const glyphs: Record<Network, string> = {
  linkedin: 'in',
  x: '𝕏',
  mastodon: 'M',
  bluesky: 'bs',
  facebook: 'f',
  instagram: 'ig',
  threads: '@',
};

/**
 * Compact network marks, each named for screen readers. A network with its own version of the
 * text (per-network versions) carries a small mark and says so in its name.
 */
export function NetworkIcons({ networks, versions = [] }: { networks: Network[]; versions?: readonly Network[] }) {
  const t = useCachedText();
  return (
    <span className="network-icons">
      {networks.map((network) => {
        const own = versions.includes(network);
        const label = own ? t('calendarUi.ownVersion', { network: networkLabels[network] }) : networkLabels[network];
        return (
          <span key={network} className={`network-icon n-${network}${own ? ' own-version' : ''}`} title={label} aria-label={label} role="img" data-own-version={own ? 'true' : undefined}>
            {glyphs[network]}
            {own ? <span className="own-version-mark" aria-hidden="true">✎</span> : null}
          </span>
        );
      })}
    </span>
  );
}
