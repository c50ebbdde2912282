import { procedure, none } from '../procedure';
import { Settings, SettingsPatch, WorkspaceState } from '../../workspace/schema';

export const workspaceProcedures = {
  'workspace.state': procedure(none, WorkspaceState),
  'workspace.loadExample': procedure(none, WorkspaceState),
  'workspace.removeExample': procedure(none, WorkspaceState),
  'settings.get': procedure(none, Settings),
  'settings.update': procedure(SettingsPatch, Settings),
} as const;
