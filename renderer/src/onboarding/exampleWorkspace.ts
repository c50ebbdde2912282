import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api';

/** Loading and removing the example workspace, from the banner or Settings: every page's data is read again after. */
export function useExampleWorkspace(): { load: () => Promise<void>; remove: () => Promise<boolean> } {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return {
    load: async () => {
      await api.call('workspace.loadExample', {});
      await queryClient.invalidateQueries();
    },
    /** Asks first; false when the user said no. */
    remove: async () => {
      if (!window.confirm(t('example.removeConfirm'))) return false;
      await api.call('workspace.removeExample', {});
      await queryClient.invalidateQueries();
      return true;
    },
  };
}
