import { z } from 'zod';
import { none, procedure } from '../procedure';
import { BackupInfo, BackupName, WorkspaceHealth } from '../../workspace/health';

/** The workspace file itself: its health, its backups, restoring one. */
export const storageProcedures = {
  'workspace.health': procedure(none, WorkspaceHealth),
  'backups.list': procedure(none, z.array(BackupInfo)),
  'backups.create': procedure(none, BackupInfo),
  'backups.restore': procedure(BackupName, WorkspaceHealth),
} as const;
