import type { ProcedureName } from './contract';

/**
 * Procedures that only read the workspace, plus those that repair it (health, backups).
 * While the workspace is damaged these keep working and every other procedure is refused,
 * so a procedure missing from this list is treated as a write: the safe default.
 */
const readOnly = [
  'workspace.health',
  'backups.list',
  'backups.create',
  'backups.restore',
  'workspace.state',
  'settings.get',
  'accounts.list',
  'accounts.keychain',
  'accounts.avatar',
  'accounts.apps.list',
  'mail.get',
  'publishing.status',
  'publishing.settings',
  'publishing.queue',
  'previews.forPost',
  'engagement.forPost',
  'engagement.partnerRecent',
  'engagement.badges',
  'digest.settings',
  'digest.preview',
  'digest.sent',
  'digest.queue',
  'digest.cadenceFlags',
  'partners.list',
  'partners.get',
  'editorial.firmLine',
  'editorial.partnerLine',
  'editorial.versions',
  'editorial.version',
  'editorial.resolved',
  'editorial.export',
  'editorial.checkPost',
  'signoff.status',
  'signoff.history',
  'signoff.attachment',
  'signoff.comments',
  'signoff.diff',
  'outbox.list',
  'reports.build',
  'reports.preview',
  'reports.export',
  'reports.download',
  'reports.exportAll',
  'reports.cancel',
  'calendar.range',
  'calendar.days',
  'calendar.unscheduled',
  'calendar.search',
  'calendar.warnings',
  'calendar.slots',
  'calendar.nextSlot',
  'posts.list',
  'posts.get',
  'posts.revisions',
  'posts.revision',
  'time.zoneTables',
  'records.export',
  'records.verifyAuditLog',
  'similarity.check',
  'similarity.compare',
  'similarity.pairs',
  'snippets.list',
  'voice.score',
] as const satisfies readonly ProcedureName[];

const readOnlySet: ReadonlySet<string> = new Set(readOnly);

export const isReadOnlyProcedure = (name: ProcedureName): boolean => readOnlySet.has(name);

/** Procedures core answers itself, before (and whatever) the workspace database is open. */
export const storageProcedureNames: ReadonlySet<string> = new Set(['workspace.health', 'backups.list', 'backups.create', 'backups.restore']);
