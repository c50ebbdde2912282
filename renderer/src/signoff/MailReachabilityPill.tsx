import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';

const key = ['signoff', 'mailReachability'] as const;

/** "Mail server unreachable" (SMTP or IMAP) in the status bar, told apart from being offline. */
export function MailReachabilityPill() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const state = useQuery({ queryKey: key, queryFn: () => api.call('signoff.mailReachability', {}) }).data;
  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'mail.reachability') queryClient.setQueryData(key, { smtp: event.smtp, imap: event.imap });
      }),
    [queryClient],
  );
  if (!state || (state.smtp !== false && state.imap !== false)) return null;
  const which = state.smtp === false && state.imap === false ? 'both' : state.smtp === false ? 'smtp' : 'imap';
  return (
    <span className="pill warn" role="status" data-testid="mail-unreachable" data-server={which}>
      {t(`signoff.mailUnreachable.${which}`)}
    </span>
  );
}
