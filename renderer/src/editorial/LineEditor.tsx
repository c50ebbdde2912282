import { z } from 'zod';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { StoredLine } from '../../../shared/api/procedures/editorial';
import { ApiError } from '../../../shared/api/errors';
import { EditorialLine, PartnerLine } from '../../../shared/editorial/lineSchema';
import type { ResolvedLine } from '../../../shared/editorial/lineSchema';
import { applyCompliancePack, withPackRules } from '../../../shared/editorial/packs/compliancePack';
import { resolveLine } from '../../../shared/editorial/resolve';
import { Language, ruleSaveProblems } from '../../../shared/editorial/ruleSchema';
import { cadenceSaveProblems } from '../../../shared/calendar/cadencePolicy';
import type { Partner } from '../../../shared/partners/schema';
import { api } from '../api';
import { errorMessage } from '../ui/errorMessage';
import { CadenceEditor } from './CadenceEditor';
import { ChipList } from './fields/ChipList';
import { CheckField, NumberField, SelectField, TextField } from './fields/inputs';
import { FirmRulesForPartner } from './FirmRulesForPartner';
import { ImportExport } from './ImportExport';
import { IssueList } from './IssueList';
import { IssueIndex, issuesOfError, issuesOfParse, rulesOfError } from './lineErrors';
import type { LineIssue } from './lineErrors';
import { PackForm } from './PackForm';
import { editorialKeys } from './queries';
import { RulesSection } from './RulesSection';
import { TryIt } from './TryIt';
import { VersionsPanel } from './VersionsPanel';
import { lengthTargetProblems } from '../../../shared/editorial/lengthTargetProblems';
import { forgetLineDraft, keepLineDraft, keptLineDraft } from './keptLineDraft';

export type LineOwner = { kind: 'firm' } | { kind: 'partner'; partner: Partner };

export interface LineEditorProps {
  owner: LineOwner;
  firm: EditorialLine;
  /** The owner's newest saved line; null for a partner who has none yet. */
  saved: StoredLine | null;
}

/** A partner line nobody saved yet: it adds nothing to the firm's. */
const emptyPartnerLine = (partnerId: string): PartnerLine => ({ scope: 'partner', id: `partner-${partnerId}`, partnerId, version: 0, rules: [], disabled: [], pillars: [] });

interface EditorState {
  base: StoredLine | null;
  draft: StoredLine;
  /** Issues core gave on the last refused save, shown until the next edit. */
  serverIssues: LineIssue[];
  serverRules: ReturnType<typeof rulesOfError>;
  showSummary: boolean;
  message: { kind: 'ok' | 'error'; text: string } | null;
  conflict: boolean;
}

const initial = (owner: LineOwner, saved: StoredLine | null): EditorState => ({
  base: saved,
  draft: saved ?? emptyPartnerLine(owner.kind === 'partner' ? owner.partner.id : ''),
  serverIssues: [],
  serverRules: [],
  showSummary: false,
  message: null,
  conflict: false,
});

/** The line as schemas see it: version at least 1 so that a new partner line validates. */
function parseDraft(draft: StoredLine) {
  const numbered = { ...draft, version: Math.max(1, draft.version) };
  const parsed = draft.scope === 'organisation' ? EditorialLine.safeParse(numbered) : PartnerLine.safeParse(numbered);
  // What core refuses on save too: a length target at or over its network's limit. Checked on the
  // draft as typed whatever else is wrong, so that every problem shows at once, each on its field
  // (it waited for the rest to parse: a second round of errors after the first was fixed). A
  // target not typed yet (NaN) is the schema's to report.
  const targets = lengthTargetProblems(draft.rules).filter((issue) => typeof issue.input === 'number' && Number.isFinite(issue.input));
  // Likewise refused on save but read back from stored lines: a snippet rule without its
  // snippet, a banned term twice, a weekly minimum above its maximum.
  const cadence = draft.cadence ? cadenceSaveProblems(draft.cadence).map((issue) => ({ ...issue, path: ['cadence', ...issue.path] })) : [];
  const more = [...targets, ...ruleSaveProblems(draft.rules), ...cadence];
  if (more.length === 0) return parsed;
  return { success: false as const, error: new z.ZodError([...(parsed.success ? [] : parsed.error.issues), ...more]) };
}

/**
 * The editor of one line (the firm's or a partner's): every field validated live with the
 * line schema, saved as the next version in one call. Another window's save is adopted at
 * once when nothing is pending here, and announced otherwise.
 */
export function LineEditor({ owner, firm, saved }: LineEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const partnerId = owner.kind === 'partner' ? owner.partner.id : null;
  // Edits left unsaved when the page was left are taken back (a line takes long to build); one
  // saved elsewhere since shows the « changed elsewhere » banner, as for any pending edit.
  const [state, setState] = useState<EditorState>(() => {
    const kept = keptLineDraft(partnerId);
    return kept ? { ...initial(owner, kept.base), draft: kept.draft, message: { kind: 'ok', text: t('editorialLine.draftKept') } } : initial(owner, saved);
  });
  const [saving, setSaving] = useState(false);
  const { draft, base } = state;

  const dirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(base ?? emptyPartnerLine(partnerId ?? '')), [draft, base, partnerId]);
  const savedVersion = saved?.version ?? null;
  const baseVersion = base?.version ?? null;
  // Versions only grow: a newer saved one comes from another window, an import or a restore.
  const newer = savedVersion !== null && (baseVersion === null || savedVersion > baseVersion);
  // Adopted at once when nothing is pending here (React's "adjust state while rendering").
  if (newer && !dirty && !saving) setState(initial(owner, saved));
  const outdated = newer && dirty;

  useEffect(() => {
    if (dirty) keepLineDraft(partnerId, { base, draft });
    else forgetLineDraft(partnerId);
  }, [dirty, partnerId, base, draft]);

  const parsed = useMemo(() => parseDraft(draft), [draft]);
  const issues = useMemo(
    () => new IssueIndex(t, [...(parsed.success ? [] : issuesOfParse(parsed.error)), ...state.serverIssues]),
    [t, parsed, state.serverIssues],
  );

  const resolved = useMemo((): ResolvedLine | null => {
    const line = parsed.success ? parsed.data : base;
    if (owner.kind === 'firm') return line?.scope === 'organisation' ? resolveLine(line) : resolveLine(firm);
    return resolveLine(firm, line?.scope === 'partner' ? line : null, owner.partner.locale);
  }, [parsed, base, owner, firm]);

  const edit = (next: StoredLine) => setState((s) => ({ ...s, draft: next, serverIssues: [], serverRules: [], message: null }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: editorialKeys.all });
  const adopt = (line: StoredLine, text: string) => {
    setState({ ...initial(owner, line), message: { kind: 'ok', text } });
    void refresh();
  };

  const save = async () => {
    if (!parsed.success) {
      setState((s) => ({ ...s, showSummary: true, message: { kind: 'error', text: t('editorialLine.fixFirst') } }));
      return;
    }
    setSaving(true);
    try {
      const line =
        draft.scope === 'organisation'
          ? await api.call('editorial.saveFirmLine', { baseVersion: baseVersion ?? 1, line: draft })
          : await api.call('editorial.savePartnerLine', { partnerId: partnerId ?? '', baseVersion, line: draft });
      adopt(line, t('editorialLine.saved', { version: line.version }));
    } catch (error) {
      const conflict = error instanceof ApiError && error.code === 'conflict';
      setState((s) => ({
        ...s,
        serverIssues: issuesOfError(error),
        serverRules: rulesOfError(error),
        showSummary: true,
        conflict,
        message: { kind: 'error', text: error instanceof ApiError && error.messageKey.startsWith('editorialLine.') ? t(error.messageKey) : errorMessage(t, error) },
      }));
    } finally {
      setSaving(false);
    }
  };

  const discard = () => setState(initial(owner, saved));
  const summaryIssues = state.showSummary ? issues.issues : [];
  const summaryRules = [
    ...state.serverRules,
    ...draft.rules.map((rule, index) => ({ index, id: rule.id, kind: rule.kind })).filter((r) => !state.serverRules.some((s) => s.index === r.index)),
  ];

  return (
    <div className="line-editor" data-testid="line-editor">
      <div className="line-toolbar" role="toolbar" aria-label={t('editorialLine.toolbar')}>
        <span className="muted">
          {baseVersion === null ? t('editorialLine.noPartnerLine') : t('editorialLine.versionLabel', { version: baseVersion })}
          {dirty ? ` · ${t('editorialLine.unsaved')}` : ''}
        </span>
        <button type="button" className="primary" disabled={!dirty || saving} onClick={() => void save()} data-testid="save-line">
          {saving ? t('editorialLine.saving') : t('editorialLine.save')}
        </button>
        <button type="button" disabled={!dirty || saving} onClick={discard}>
          {t('editorialLine.discard')}
        </button>
      </div>
      {outdated || state.conflict ? (
        <div className="banner warn" role="alert">
          <span>{t('editorialLine.changedElsewhere', { version: savedVersion ?? 0 })}</span>
          <button type="button" onClick={discard}>
            {t('editorialLine.loadLatest')}
          </button>
        </div>
      ) : null}
      {state.message ? (
        <p className={state.message.kind === 'ok' ? 'ok-message' : 'form-error'} role={state.message.kind === 'ok' ? 'status' : 'alert'} data-testid="line-message">
          {state.message.text}
        </p>
      ) : null}
      {summaryIssues.length > 0 ? <IssueList issues={summaryIssues} rules={summaryRules} lineRules={draft.rules} /> : null}

      <div className="line-layout">
        <div className="line-main">
          <section className="line-section" aria-labelledby={`${id}-general`}>
            <h2 id={`${id}-general`}>{t('editorialLine.general')}</h2>
            {draft.scope === 'organisation' ? (
              <div className="row">
                <TextField label={t('editorialLine.name')} value={draft.name} error={issues.at(['name'])} wide onChange={(name) => edit({ ...draft, name })} />
                <SelectField label={t('editorialLine.language')} value={draft.language} options={Language.options.map((l) => ({ value: l, label: t(`locales.${l}`) }))} onChange={(language) => edit({ ...draft, language })} />
                <NumberField
                  label={t('editorialLine.similarityWindow')}
                  hint={t('editorialLine.similarityWindowHint')}
                  value={draft.similarity.windowDays}
                  min={1}
                  max={90}
                  error={issues.at(['similarity', 'windowDays'])}
                  onChange={(windowDays) => edit({ ...draft, similarity: { windowDays: windowDays ?? 14 } })}
                />
              </div>
            ) : (
              <SelectField<'inherit' | 'fr' | 'en'>
                label={t('editorialLine.language')}
                value={draft.language ?? 'inherit'}
                options={[{ value: 'inherit', label: t('editorialLine.partner.inheritLanguage', { language: t(`locales.${owner.kind === 'partner' ? owner.partner.locale : firm.language}`) }) }, ...Language.options.map((l) => ({ value: l, label: t(`locales.${l}`) }))]}
                onChange={(language) => edit({ ...draft, language: language === 'inherit' ? undefined : language })}
              />
            )}
            {draft.scope === 'organisation' && draft.packs.length > 0 ? (
              <p className="muted small">{t('editorialLine.packsApplied', { packs: draft.packs.map((p) => `${p.id} v${String(p.version)}`).join(', ') })}</p>
            ) : null}
          </section>

          {draft.scope === 'partner' ? <FirmRulesForPartner firm={firm} draft={draft} issues={issues} onChange={edit} /> : null}

          <RulesSection
            title={draft.scope === 'organisation' ? t('editorialLine.rules') : t('editorialLine.partner.ownRules')}
            rules={draft.rules}
            issues={issues}
            canLock={draft.scope === 'organisation'}
            reservedIds={draft.scope === 'partner' ? new Set(firm.rules.map((r) => r.id)) : undefined}
            empty={draft.scope === 'organisation' ? t('editorialLine.noRules') : t('editorialLine.partner.noOwnRules')}
            noteFor={draft.scope === 'partner' ? (rule) => (firm.rules.some((r) => r.id === rule.id) ? t('editorialLine.partner.tightens') : null) : undefined}
            onChange={(rules) => edit({ ...draft, rules })}
          />

          <section className="line-section" aria-labelledby={`${id}-cadence`}>
            <h2 id={`${id}-cadence`}>{t('editorialLine.cadence.title')}</h2>
            {draft.scope === 'partner' ? (
              <CheckField
                label={t('editorialLine.partner.ownCadence')}
                checked={draft.cadence !== undefined}
                onChange={(on) => edit({ ...draft, cadence: on ? structuredClone(firm.cadence) : undefined })}
              />
            ) : null}
            {draft.scope === 'organisation' ? (
              <CadenceEditor cadence={draft.cadence} pillars={draft.pillars} error={(path) => issues.at(['cadence', ...path])} onChange={(cadence) => edit({ ...draft, cadence })} />
            ) : draft.cadence ? (
              <CadenceEditor cadence={draft.cadence} pillars={[...firm.pillars, ...draft.pillars]} error={(path) => issues.at(['cadence', ...path])} onChange={(cadence) => edit({ ...draft, cadence })} />
            ) : (
              <p className="hint">{t('editorialLine.partner.firmCadence')}</p>
            )}
            <ChipList
              label={draft.scope === 'organisation' ? t('editorialLine.pillars') : t('editorialLine.partner.extraPillars')}
              values={draft.pillars}
              itemError={(i) => issues.at(['pillars', i])}
              hint={draft.scope === 'partner' && firm.pillars.length > 0 ? t('editorialLine.partner.firmPillars', { pillars: firm.pillars.join(', ') }) : t('editorialLine.pillarsHint')}
              onChange={(pillars) => edit({ ...draft, pillars })}
            />
          </section>
        </div>

        <aside className="line-side">
          <TryIt line={resolved} usingSaved={!parsed.success && base !== null} />
          <PackForm
            partner={owner.kind === 'partner' ? owner.partner : null}
            applied={draft.scope === 'organisation' ? draft.packs.some((p) => p.id === 'avocats-fr') : draft.rules.some((r) => r.id.startsWith('avocats-fr.'))}
            onApply={(pack) => {
              // Into the form only: the version is made when the user clicks Enregistrer.
              const next = draft.scope === 'organisation' ? { ...applyCompliancePack(draft, pack), version: draft.version } : withPackRules(draft, pack);
              setState((s) => ({ ...s, draft: next, serverIssues: [], serverRules: [], message: { kind: 'ok', text: t('editorialLine.pack.applied') } }));
            }}
          />
          <ImportExport partnerId={partnerId} baseVersion={baseVersion} dirty={dirty} onImported={(line) => adopt(line, t('editorialLine.import.adopted', { version: line.version }))} />
          <VersionsPanel partnerId={partnerId} currentVersion={baseVersion} dirty={dirty} onRestored={() => void refresh()} />
        </aside>
      </div>
    </div>
  );
}
