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

/** Compact network marks, each named for screen readers. */
export function NetworkIcons({ networks }: { networks: Network[] }) {
  return (
    <span className="network-icons">
      {networks.map((network) => (
        <span key={network} className={`network-icon n-${network}`} title={networkLabels[network]} aria-label={networkLabels[network]} role="img">
          {glyphs[network]}
        </span>
      ))}
    </span>
  );
}
