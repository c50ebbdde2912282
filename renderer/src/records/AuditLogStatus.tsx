import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { errorMessage } from '../ui/errorMessage';
import { useDateFormat } from '../ui/useDateFormat';

/**
 * "Audit log verified, N entries", or where its hash chain breaks; and, as a warning, each time
 * the keychain lost the anchor's key and Plume replaced it (not a forgery, but the anchor no
 * longer proves what came before).
 */
export function AuditLogStatus() {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  // Rehashing the whole log costs about 12 s of CPU per million entries: once per session is enough.
  const check = useQuery({ queryKey: ['records', 'auditLog'], queryFn: () => api.call('records.verifyAuditLog', {}), staleTime: Infinity });
  if (check.isError) return <p className="form-error">{errorMessage(t, check.error)}</p>;
  if (!check.data) return <p className="hint">{t('records.auditChecking')}</p>;
  const result = check.data;
  const notices = result.notices.map((n) => (
    <p key={`notice-${n.id}`} className="hint warning" role="status" data-testid="audit-log-notice" data-kind={n.kind}>
      {t(`records.notice.${n.kind}`, { when: dateTime(n.at) })}
      {result.ok ? ` ${t('records.notice.chainIntact')}` : ''}
    </p>
  ));
  return result.ok ? (
    <>
      <p className="hint" role="status" data-testid="audit-log-status" data-ok="true">
        {t('records.auditOk', { count: result.entries })}
      </p>
      {notices}
    </>
  ) : (
    <>
      <p className="form-error" role="alert" data-testid="audit-log-status" data-ok="false">
        {t('records.auditBroken', {
          problems: result.problems.map((p) => t(`records.problem.${p.kind}`, { id: p.id, when: p.at === undefined ? '' : dateTime(p.at) })).join(', '),
        })}
      </p>
      {notices}
    </>
  );
}
