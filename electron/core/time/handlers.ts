import { defineHandlers } from '../router';
import { zoneTable } from '../../../shared/time/zoneData';
import type { ZoneTable } from '../../../shared/time/zoneTable';
import { isValidTimeZone } from '../../../shared/partners/timeZones';
import type { PartnerRepository } from '../partners/repository';

export const timeHandlers = (partners: PartnerRepository) =>
  defineHandlers({
    'time.zoneTables': ({ zones }) => {
      const wanted = new Set([...zones, ...partners.list(true).map((partner) => partner.timeZone)]);
      const tables: ZoneTable[] = [];
      for (const zone of wanted) if (isValidTimeZone(zone)) tables.push(zoneTable(zone));
      return tables;
    },
  });
