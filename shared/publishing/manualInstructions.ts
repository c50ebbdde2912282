import type { Network } from '../posts/networks';
import type { ManualInstructions } from './port';

/**
 * Where to write a post by hand on each network. Where the network documents a compose
 * intent that takes the text, it is prefilled (the UI also copies it to the clipboard, which
 * is what works everywhere); the others open the network's home, whose composer is one click.
 */
const composeUrls: Record<Network, (text: string, instanceUrl?: string) => string> = {
  // docs.bsky.app "Action Intent Links"
  bluesky: (text) => `https://bsky.app/intent/compose?text=${encodeURIComponent(text)}`,
  // developer.x.com Web Intents
  x: (text) => `https://x.com/intent/post?text=${encodeURIComponent(text)}`,
  // Mastodon's share page (/share?text=), on the account's own instance.
  mastodon: (text, instanceUrl) => `${(instanceUrl ?? 'https://mastodon.social').replace(/\/+$/u, '')}/share?text=${encodeURIComponent(text)}`,
  // Opens LinkedIn's "Start a post" dialog; it takes no text.
  linkedin: () => 'https://www.linkedin.com/feed/?shareActive=true',
  threads: (text) => `https://www.threads.com/intent/post?text=${encodeURIComponent(text)}`,
  facebook: () => 'https://www.facebook.com/',
  instagram: () => 'https://www.instagram.com/',
};

export function manualInstructions(network: Network, text: string, instanceUrl?: string): ManualInstructions {
  return { kind: 'manual', network, text, composeUrl: composeUrls[network](text, instanceUrl) };
}
