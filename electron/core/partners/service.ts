import { randomUUID } from 'node:crypto';
import { nextPartnerColour } from '../../../shared/partners/palette';
import type { Partner, PartnerFields } from '../../../shared/partners/schema';
import type { Clock } from '../clock';
import { ApiError } from '../../../shared/api/errors';
import { notFound } from '../errors';
import type { EventBus } from '../events';
import type { PartnerRepository } from './repository';

/** A name as a reader tells names apart: case, accents' encoding and spacing aside. */
const nameKey = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');

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
    this.refuseTakenName(fields.displayName, null);
    const id = randomUUID();
    // No colour given: one no other partner has yet, so each lane and swatch tells them apart.
    const color = fields.color ?? nextPartnerColour(this.partners.list(true).map((p) => p.color));
    this.partners.insert(id, { ...fields, color }, this.clock.now());
    this.events.emit({ type: 'partners.changed' });
    return this.get(id);
  }

  update(id: string, fields: PartnerFields): Partner {
    this.get(id);
    this.refuseTakenName(fields.displayName, id);
    this.partners.update(id, fields, this.clock.now());
    this.events.emit({ type: 'partners.changed' });
    return this.get(id);
  }

  /**
   * Two partners of the same name cannot be told apart in the calendar, the lists, the reports
   * or a sign-off e-mail: the name is refused, archived partners included (restored, they would clash).
   */
  private refuseTakenName(displayName: string, exceptId: string | null): void {
    const key = nameKey(displayName);
    const taken = this.partners.list(true).find((partner) => partner.id !== exceptId && nameKey(partner.displayName) === key);
    if (!taken) return;
    const messageKey = taken.archivedAt === null ? 'errors.partnerNameTaken' : 'errors.partnerNameTakenArchived';
    throw new ApiError({ code: 'validation', messageKey, message: `Another partner is named ${displayName}`, issues: [{ path: ['displayName'], messageKey }] });
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
