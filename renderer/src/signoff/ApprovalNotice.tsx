import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../ui/useDateFormat';
import { useSignoffStatus } from './queries';

/**
 * Above an approved (or scheduled) post's text, before anything is typed: the first change to
 * the text voids the approval, which was only said afterwards (a toast). Read once by screen
 * readers (a status that does not change); gone once the approval no longer holds.
 */
export function ApprovalNotice({ postId, partnerName }: { postId: string; partnerName: string | null }) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const status = useSignoffStatus(postId).data;
  if (!status?.approvalValid) return null;
  const partner = partnerName ?? t('signoff.approvedNotice.thePartner');
  const decidedAt = status.request?.state === 'approved' ? status.request.decidedAt : null;
  return (
    <p className="banner info approval-notice" role="status" data-testid="approval-notice">
      {decidedAt === null ? t('signoff.approvedNotice.noDate', { partner }) : t('signoff.approvedNotice.text', { partner, when: dateTime(decidedAt) })}
    </p>
  );
}
