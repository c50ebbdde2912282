import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { Onboarding } from '../onboarding/Onboarding';
import { PostsPage } from '../posts/PostsPage';
import { ExampleBanner } from '../onboarding/ExampleBanner';
import { usePartners, useWorkspace } from './queries';
import { NewPostChooser } from '../posts/NewPostChooser';
import { useNewPost } from '../posts/useNewPost';
import { errorMessage } from '../ui/errorMessage';
import { StatusBar } from './StatusBar';
import { AlertCenter } from '../signoff/AlertCenter';
import { useConnectivityReport } from '../publishing/queries';
import { AppLink } from '../ui/AppLink';
import { useRoute } from './useRoute';
import { useShortcuts } from './useShortcuts';
import { saveRegistry } from '../editor/saveRegistry';
import { WorkspaceHealthNotice } from '../storage/WorkspaceHealthNotice';
import { keepEarlyKeys } from '../search/earlyKeys';

/**
 * Pages other than the posts' are loaded when first opened: the first screen (often a post to
 * edit) parses a third less script before it can be used.
 */
const PartnersPage = lazy(() => import('../partners/PartnersPage').then((module) => ({ default: module.PartnersPage })));
const CalendarPage = lazy(() => import('../calendar/CalendarPage').then((module) => ({ default: module.CalendarPage })));
const SearchDialog = lazy(() => import('../search/SearchDialog').then((module) => ({ default: module.SearchDialog })));
const SettingsPage = lazy(() => import('../settings/SettingsPage').then((module) => ({ default: module.SettingsPage })));
const ReportsPage = lazy(() => import('../reports/ReportsPage').then((module) => ({ default: module.ReportsPage })));
const EditorialPage = lazy(() => import('../editorial/EditorialPage').then((module) => ({ default: module.EditorialPage })));
const OutboxPage = lazy(() => import('../publishing/OutboxPage').then((module) => ({ default: module.OutboxPage })));

export function App() {
  const { t } = useTranslation();
  const [route, navigate] = useRoute();
  const [searchOpen, setSearchOpen] = useState(false);
  const [choosingPartner, setChoosingPartner] = useState(false);
  const [newPostError, setNewPostError] = useState<string | null>(null);
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const partners = usePartners(false);
  const createPost = useNewPost();
  useConnectivityReport();

  /** One way to a new post, from any page: the button, the shortcut, the chooser. */
  const newPost = (asked: string | null) => {
    setNewPostError(null);
    setChoosingPartner(false);
    createPost(asked)
      .then((outcome) => {
        if (outcome.kind === 'created') navigate({ page: 'posts', postId: outcome.postId });
        else if (outcome.kind === 'choosePartner') setChoosingPartner(true);
        else {
          setNewPostError(t('posts.needPartner'));
          navigate({ page: 'posts', postId: null });
        }
      })
      .catch((error: unknown) => setNewPostError(errorMessage(t, error)));
  };

  useShortcuts({
    newPost: () => {
      // The new post's partner chooser replaces the search, never opens over it.
      setSearchOpen(false);
      newPost(null);
    },
    save: () => void saveRegistry.keepAll(),
    search: () => {
      // Letters typed before the dialog has the focus go to its field, not to the page behind.
      if (!searchOpen) keepEarlyKeys();
      setSearchOpen(true);
    },
  });

  const state = workspace.data;
  // Not over Settings: a backup restored there from before the first partner brings the welcome
  // screen back, and the section saying so (and the way back, the backup kept) must stay reachable.
  const showOnboarding = state !== undefined && state.partnerCount === 0 && !state.onboardingDone && route.page !== 'settings';

  const finishOnboarding = async (next: 'example' | 'partner' | 'empty') => {
    if (next === 'example') await api.call('workspace.loadExample', {});
    else await api.call('settings.update', { onboardingDone: true });
    await queryClient.invalidateQueries();
    if (next === 'partner') navigate({ page: 'partners', partnerId: 'new' });
  };

  return (
    <div className="app">
      <nav className="sidebar" aria-label="Plume">
        <div className="brand">{t('app.name')}</div>
        {([
          ['calendar', t('app.nav.calendar')],
          ['posts', t('app.nav.posts')],
          ['partners', t('app.nav.partners')],
          ['settings', t('app.nav.settings')],
          ['reports', t('reports.nav')],
          ['editorial', t('editorialLine.nav')],
          ['outbox', t('publishing.outbox.nav')],
        ] as const).map(([page, label]) => (
          <AppLink key={page} to={`#/${page}`} className={route.page === page ? 'nav-link active' : 'nav-link'} aria-current={route.page === page ? 'page' : undefined}>
            {label}
          </AppLink>
        ))}
      </nav>
      <main className="content">
        <WorkspaceHealthNotice />
        {state?.hasExampleData ? <ExampleBanner /> : null}
        <Suspense fallback={<p className="muted page-loading">{t('app.loading')}</p>}>
          {showOnboarding ? (
            <Onboarding onChoose={(choice) => void finishOnboarding(choice)} />
          ) : route.page === 'partners' ? (
            <PartnersPage selectedId={route.partnerId} onSelect={(partnerId) => navigate({ page: 'partners', partnerId })} />
          ) : route.page === 'settings' ? (
            <SettingsPage />
          ) : route.page === 'reports' ? (
            <ReportsPage />
          ) : route.page === 'outbox' ? (
            <OutboxPage onOpenPost={(postId) => navigate({ page: 'posts', postId })} />
          ) : route.page === 'editorial' ? (
            <EditorialPage partnerId={route.partnerId} onSelect={(partnerId) => navigate({ page: 'editorial', partnerId })} />
          ) : route.page === 'calendar' ? (
            <CalendarPage
              view={route.view}
              date={route.date}
              onNavigate={(view, date) => navigate({ page: 'calendar', view, date })}
              onOpenPost={(postId) => navigate({ page: 'posts', postId })}
            />
          ) : (
            <PostsPage
              postId={route.postId}
              newPostError={newPostError}
              onNewPost={newPost}
              onOpen={(postId) => navigate({ page: 'posts', postId })}
            />
          )}
        </Suspense>
        <AlertCenter openPostId={route.page === 'posts' ? route.postId : null} />
        <StatusBar />
      </main>
      {choosingPartner ? <NewPostChooser partners={partners.data ?? []} onPick={(partnerId) => newPost(partnerId)} onClose={() => setChoosingPartner(false)} /> : null}
      {searchOpen ? (
        <Suspense fallback={null}>
          <SearchDialog
            onClose={() => setSearchOpen(false)}
            onPick={(postId) => {
              setSearchOpen(false);
              navigate({ page: 'posts', postId });
            }}
          />
        </Suspense>
      ) : null}
      {/* For tests and benches to wait on: hidden, so no screen reader reads an English « ready » out. */}
      <span hidden data-testid="workspace-ready">
        {state ? 'ready' : ''}
      </span>
    </div>
  );
}
