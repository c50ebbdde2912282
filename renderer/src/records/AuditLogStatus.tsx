import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { errorMessage } from '../ui/errorMessage';

/** "Audit log verified, N entries", or where its hash chain breaks. */
export function AuditLogStatus() {
  const { t } = useTranslation();
  // Rehashing the whole log costs about 12 s of CPU per million entries: once per session is enough.
  const check = useQuery({ queryKey: ['records', 'auditLog'], queryFn: () => api.call('records.verifyAuditLog', {}), staleTime: Infinity });
  if (check.isError) return <p className="form-error">{errorMessage(t, check.error)}</p>;
  if (!check.data) return <p className="hint">{t('records.auditChecking')}</p>;
  const result = check.data;
  return result.ok ? (
    <p className="hint" role="status" data-testid="audit-log-status" data-ok="true">
      {t('records.auditOk', { count: result.entries })}
    </p>
  ) : (
    <p className="form-error" role="alert" data-testid="audit-log-status" data-ok="false">
      {t('records.auditBroken', { problems: result.problems.map((p) => t(`records.problem.${p.kind}`, { id: p.id })).join(', ') })}
    </p>
  );
}
