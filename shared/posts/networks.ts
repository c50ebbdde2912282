import { z } from 'zod';

export const networks = ['linkedin', 'x', 'mastodon', 'bluesky', 'facebook', 'instagram', 'threads'] as const;
export const Network = z.enum(networks);
export type Network = z.infer<typeof Network>;

export const networkLabels: Record<Network, string> = {
  linkedin: 'LinkedIn',
  x: 'X',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  facebook: 'Facebook',
  instagram: 'Instagram',
  threads: 'Threads',
};
