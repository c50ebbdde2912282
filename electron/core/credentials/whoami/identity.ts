/** Who an account is on its network, as shown in the UI. */
export interface Identity {
  /** The network's stable id (OIDC sub, DID, numeric id): reconnecting matches on it. */
  externalId: string;
  handle: string;
  displayName: string;
  avatarUrl: string | null;
}

/** Only http(s) avatar URLs reach the UI. */
export const avatarUrl = (value: string | null | undefined): string | null =>
  value !== undefined && value !== null && /^https?:\/\//i.test(value) ? value : null;
