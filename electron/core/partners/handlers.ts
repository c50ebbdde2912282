import { defineHandlers } from '../router';
import type { PartnerService } from './service';

export const partnerHandlers = (partners: PartnerService) =>
  defineHandlers({
    'partners.list': ({ includeArchived }) => partners.list(includeArchived),
    'partners.get': ({ id }) => partners.get(id),
    'partners.create': (fields) => partners.create(fields),
    'partners.update': ({ id, fields }) => partners.update(id, fields),
    'partners.setArchived': ({ id, archived }) => partners.setArchived(id, archived),
    'partners.archiveImpact': ({ id }) => partners.archiveImpact(id),
  });
