import { useTranslation } from 'react-i18next';
import { useExampleWorkspace } from './exampleWorkspace';

export function ExampleBanner() {
  const { t } = useTranslation();
  const example = useExampleWorkspace();
  const remove = async () => {
    if (await example.remove()) window.location.hash = '#/posts';
  };
  return (
    <div className="banner info" role="status" data-testid="example-banner">
      <span>{t('example.banner')}</span>
      <button onClick={() => void remove()}>{t('example.remove')}</button>
    </div>
  );
}
