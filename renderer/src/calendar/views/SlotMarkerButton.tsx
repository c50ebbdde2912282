import { useTranslation } from 'react-i18next';
import { networkLabels } from '../../../../shared/posts/networks';
import type { Partner } from '../../../../shared/partners/schema';
import { NetworkIcons } from '../NetworkIcons';
import type { SlotMarker } from '../slotMarkers';
import { zoneTimeName } from '../time';

/** A partner's posting slot in the week grid, in their colour; a click drafts a post there. */
export function SlotMarkerButton({ marker, partner, viewerZone, onClick }: { marker: SlotMarker; partner: Partner | undefined; viewerZone: string; onClick: (marker: SlotMarker) => void }) {
  const { t } = useTranslation();
  const theirs = marker.partnerZone === viewerZone || marker.partnerTime === marker.viewerTime ? '' : t('calendarUi.placedPartnerTime', { time: marker.partnerTime, zone: zoneTimeName(marker.partnerZone) });
  const label = t('calendarUi.slots.marker', { network: networkLabels[marker.network], partner: partner?.displayName ?? '', time: marker.viewerTime, partnerTime: theirs });
  return (
    <button type="button" className="slot-marker" data-testid="slot-marker" data-partner={marker.partnerId} style={{ borderColor: partner?.color ?? '#888' }} title={label} aria-label={label} onClick={() => onClick(marker)}>
      <span className="entry-time">{marker.viewerTime}</span> <NetworkIcons networks={[marker.network]} /> <span className="slot-partner">{partner?.displayName ?? ''}</span>
    </button>
  );
}
