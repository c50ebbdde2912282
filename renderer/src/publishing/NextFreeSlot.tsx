import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { useDateFormat } from '../ui/useDateFormat';

/**
 * "Next free slot" for a post waiting for a decision (approved late, or its slot missed): the
 * partner's first free posting slot from now, as the calendar proposes it, in one click.
 */
export function NextFreeSlot({ postId, onChoose }: { postId: string; onChoose: (instant: number) => void }) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const proposal = useQuery({ queryKey: ['calendar', 'nextSlot', postId], queryFn: () => api.call('calendar.nextSlot', { id: postId }) }).data;
  if (!proposal) return null;
  if (proposal.kind !== 'slot') {
    return (
      <span className="muted small" data-testid="next-free-slot">
        {proposal.kind === 'noSlots' ? t('publishing.missed.noSlots') : t('publishing.missed.noneFree', { days: proposal.horizonDays })}
      </span>
    );
  }
  return (
    <button type="button" data-testid="next-free-slot" onClick={() => onChoose(proposal.instant)}>
      {t('publishing.missed.nextSlot', { when: dateTime(proposal.instant, proposal.zone) })}
    </button>
  );
}
