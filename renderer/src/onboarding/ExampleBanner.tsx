import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api';

export function ExampleBanner() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = async () => {
    if (!window.confirm(t('example.removeConfirm'))) return;
    await api.call('workspace.removeExample', {});
    await queryClient.invalidateQueries();
    window.location.hash = '#/posts';
  };
  return (
    <div className="banner info" role="status" data-testid="example-banner">
      <span>{t('example.banner')}</span>
      <button onClick={() => void remove()}>{t('example.remove')}</button>
    </div>
  );
}
