import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BOM, csvField, csvText, defaultDelimiter, renderCsv } from '../../../electron/core/reports/render/csv';
import { aggregateMonth } from '../../../shared/reports/aggregate';
import type { EventRow } from '../../../shared/reports/model';

describe('CSV fields (RFC 4180)', () => {
  it('quotes a field holding the delimiter, a quote, CR or LF, and doubles inner quotes', () => {
    expect(csvField('simple', ';')).toBe('simple');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a,b', ';')).toBe('a,b');
    expect(csvField('a,b', ',')).toBe('"a,b"');
    expect(csvField('il a dit "oui"', ';')).toBe('"il a dit ""oui"""');
    expect(csvField('ligne 1\r\nligne 2', ',')).toBe('"ligne 1\r\nligne 2"');
    expect(csvField('x\ny', ',')).toBe('"x\ny"');
  });

  it('uses ; for French readers (Excel’s list separator there) and , for English ones', () => {
    expect(defaultDelimiter('fr')).toBe(';');
    expect(defaultDelimiter('en')).toBe(',');
    expect(BOM).toBe('\uFEFF');
  });

  it('keeps a title from becoming a spreadsheet formula', () => {
    expect(csvText('=HYPERLINK("http://evil","clic")')).toBe('\'=HYPERLINK("http://evil","clic")');
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvText('Réforme = progrès')).toBe('Réforme = progrès');
    expect(csvText(null)).toBe('');
  });
});

describe('CSV columns a reader understands', () => {
  const partner = { id: 'p1', displayName: 'Me Claire Dupont', role: '', organisation: '', color: '#1d4ed8', timeZone: 'Europe/Paris', locale: 'fr' as const };
  const event: EventRow = {
    id: 7,
    at: Date.UTC(2026, 11, 3, 12),
    postId: 'post-1',
    title: 'Réforme',
    pillar: null,
    action: 'requestChanges',
    fromStatus: 'in_review',
    toStatus: 'changes_requested',
    actor: { kind: 'community_manager', name: 'Camille' },
    channel: 'phone',
    revisionNumber: 2,
    network: null,
    url: null,
    requestId: null,
    deadlineAt: null,
    turnaroundMs: null,
    onTime: null,
    findings: null,
    justification: null,
    comment: null,
  };
  const rows = (locale: 'fr' | 'en'): Record<string, string>[] => {
    const report = aggregateMonth({ month: '2026-12', partner: { ...partner, locale }, entries: [], posts: [], generatedAt: 0 });
    const csv = renderCsv({ kind: 'partner', report: { ...report, events: [event, { ...event, id: 8, action: 'approve', fromStatus: 'draft', toStatus: 'approved', actor: { kind: 'partner', name: '' }, channel: null }] } });
    return Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
  };

  it('gives each code a label in the report’s language beside it, as action_libelle does, and keeps the codes for scripts', () => {
    const [changes, approval] = rows('fr');
    expect(changes).toMatchObject({
      action: 'requestChanges',
      action_libelle: 'Modifications demandées',
      statut_avant: 'in_review',
      statut_avant_libelle: 'En validation',
      statut_apres: 'changes_requested',
      statut_apres_libelle: 'Modifications demandées',
      acteur_type: 'community_manager',
      acteur_type_libelle: 'Community manager',
      canal: 'phone',
      canal_libelle: 'Téléphone',
    });
    expect(approval).toMatchObject({ statut_avant_libelle: 'Brouillon', statut_apres_libelle: 'Validée', acteur_type_libelle: 'Partenaire', canal: '', canal_libelle: '' });
    expect(rows('en')[0]).toMatchObject({ from_status_label: 'In review', to_status_label: 'Changes requested', actor_kind_label: 'Community manager', channel_label: 'Phone' });
  });

  it('names an untitled post « Sans titre » / "Untitled" in the titre column, in the report’s language, never an empty cell', () => {
    const untitled = (locale: 'fr' | 'en'): Record<string, string>[] => {
      const report = aggregateMonth({ month: '2026-12', partner: { ...partner, locale }, entries: [], posts: [], generatedAt: 0 });
      const csv = renderCsv({ kind: 'partner', report: { ...report, events: [{ ...event, title: '' }] } });
      return Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    };
    expect(untitled('fr')[0]).toMatchObject({ titre: 'Sans titre', id_publication: 'post-1' });
    expect(untitled('en')[0]).toMatchObject({ title: 'Untitled' });
    expect(rows('fr')[0]).toMatchObject({ titre: 'Réforme' });
  });
});
