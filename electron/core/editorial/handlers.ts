import { defineHandlers } from '../router';
import type { EditorialService } from './service';

export const editorialHandlers = (editorial: EditorialService) =>
  defineHandlers({
    'editorial.firmLine': () => editorial.firmLine(),
    'editorial.partnerLine': ({ partnerId }) => editorial.partnerLine(partnerId),
    'editorial.saveFirmLine': ({ baseVersion, line }) => editorial.saveFirmLine(baseVersion, line),
    'editorial.savePartnerLine': ({ partnerId, baseVersion, line }) => editorial.savePartnerLine(partnerId, baseVersion, line),
    'editorial.versions': ({ partnerId }) => editorial.versions(partnerId),
    'editorial.version': ({ partnerId, version }) => editorial.version(partnerId, version),
    'editorial.restoreVersion': ({ partnerId, version, baseVersion }) => editorial.restoreVersion(partnerId, version, baseVersion),
    'editorial.resolved': ({ partnerId }) => editorial.resolved(partnerId),
    'editorial.applyAvocatsPack': ({ partnerId, baseVersion, config }) => editorial.applyAvocatsPack(partnerId, baseVersion, config),
    'editorial.export': ({ partnerId, version }) => editorial.exportLine(partnerId, version),
    'editorial.import': ({ partnerId, baseVersion, json }) => editorial.importLine(partnerId, baseVersion, json),
    'editorial.checkPost': ({ postId }) => editorial.checkPost(postId),
  });
