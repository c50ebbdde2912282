/** Tokens as core keeps them after an exchange or a refresh. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string | undefined;
  /** Epoch ms; null when the network gave no lifetime (or the token does not expire). */
  expiresAt: number | null;
  /** Whether core can renew the access token without the user. */
  refreshable: boolean;
  /** The scopes the token endpoint said it granted; absent when it did not say. */
  scopes?: string[];
}

export const expiresAtFrom = (now: number, expiresIn: number | undefined): number | null =>
  expiresIn === undefined || !Number.isFinite(expiresIn) || expiresIn <= 0 ? null : now + Math.round(expiresIn * 1000);
