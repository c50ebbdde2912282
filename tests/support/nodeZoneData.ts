// Tests run shared/ code in Node without a core: give it core's tz source, as createCore does.
import { installNodeZoneData } from '../../electron/core/time/nodeZoneTables';

installNodeZoneData();
