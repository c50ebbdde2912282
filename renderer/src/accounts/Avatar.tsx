import type { Account } from '../../../shared/credentials/account';
import { useAvatar } from './queries';

const initials = (text: string) =>
  text
    .replace(/^@/, '')
    .split(/[\s.@_-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');

/** The picture from the last test, fetched through core; initials until (or unless) it comes. */
export function Avatar({ account, alt }: { account: Account; alt: string }) {
  const avatar = useAvatar(account.id, account.avatarUrl);
  const dataUrl = avatar.data?.dataUrl ?? null;
  if (dataUrl !== null) return <img className="account-avatar" src={dataUrl} alt={alt} width={40} height={40} data-testid="account-avatar" />;
  return (
    <span className="account-avatar initials" role="img" aria-label={alt} data-testid="account-avatar">
      {initials(account.displayName || account.handle) || '?'}
    </span>
  );
}
