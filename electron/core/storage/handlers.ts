import type { WorkspaceHealth } from '../../../shared/workspace/health';
import { defineHandlers } from '../router';
import type { WorkspaceStorage } from './workspaceStorage';

export const storageHandlers = (storage: WorkspaceStorage, restore: (name: string) => Promise<WorkspaceHealth>) =>
  defineHandlers({
    'workspace.health': () => storage.health(),
    'backups.list': () => storage.backups.list(),
    'backups.create': () => storage.backupNow('manual'),
    'backups.restore': ({ name }) => restore(name),
  });
