import { randomUUID } from 'node:crypto';
import { nextPartnerColour } from '../../../shared/partners/palette';
import type { Partner, PartnerFields } from '../../../shared/partners/schema';
import type { Clock } from '../clock';
import { notFound } from '../errors';
import type { EventBus } from '../events';
import type { PartnerRepository } from './repository';

export class PartnerService {
  constructor(
    private readonly partners: PartnerRepository,
    private readonly clock: Clock,
    private readonly events: EventBus,
    /** The partner's posts set to go out (the posts feature counts them). */
    private readonly goingOutCount: (partnerId: string) => number,
  ) {}

  list(includeArchived: boolean): Partner[] {
    return this.partners.list(includeArchived);
  }

  get(id: string): Partner {
    const partner = this.partners.get(id);
    if (!partner) throw notFound('partner', id);
    return partner;
  }

  create(fields: PartnerFields): Partner {
    const id = randomUUID();
    // No colour given: one no other partner has yet, so each lane and swatch tells them apart.
    const color = fields.color ?? nextPartnerColour(this.partners.list(true).map((p) => p.color));
    this.partners.insert(id, { ...fields, color }, this.clock.now());
    this.events.emit({ type: 'partners.changed' });
    return this.get(id);
  }

  update(id: string, fields: PartnerFields): Partner {
    this.get(id);
    this.partners.update(id, fields, this.clock.now());
    this.events.emit({ type: 'partners.changed' });
    return this.get(id);
  }

  /** Archiving holds a partner's posts back (the publisher takes back those scheduled): how many that is now. */
  archiveImpact(id: string): { goingOut: number } {
    this.get(id);
    return { goingOut: this.goingOutCount(id) };
  }

  setArchived(id: string, archived: boolean): Partner {
    const partner = this.get(id);
    const now = this.clock.now();
    this.partners.setArchived(id, archived ? (partner.archivedAt ?? now) : null, now);
    this.events.emit({ type: 'partners.changed' });
    return this.get(id);
  }
}
