import { defineHandlers } from '../router';
import type { WorkspaceService } from './service';

export const workspaceHandlers = (workspace: WorkspaceService) =>
  defineHandlers({
    'workspace.state': () => workspace.state(),
    'workspace.loadExample': () => workspace.loadExample(),
    'workspace.removeExample': () => workspace.removeExample(),
    'settings.get': () => workspace.getSettings(),
    'settings.update': (patch) => workspace.updateSettings(patch),
  });
