import { defineMessages } from '../i18n/feature';

/** The sign-off record: export and audit log check. French typography: U+00A0 before « : », U+202F before ; ? ! */
export const recordMessages = defineMessages(
  {
    records: {
      exportPost: 'Exporter le dossier de validation',
      exportPartner: 'Dossier de validation du partenaire',
      exportMonth: 'Dossier de validation du mois',
      exporting: 'Export en cours…',
      exported_one: 'Dossier enregistré dans {{path}} ({{count, number}} validation). Chaque fichier y figure avec son empreinte SHA-256 (manifest.json, lui-même scellé par manifest.sha256)\u00a0: le dossier peut être vérifié sans Plume, par vous ou par un expert.',
      exported_other: 'Dossier enregistré dans {{path}} ({{count, number}} validations). Chaque fichier y figure avec son empreinte SHA-256 (manifest.json, lui-même scellé par manifest.sha256)\u00a0: le dossier peut être vérifié sans Plume, par vous ou par un expert.',
      heading: 'Dossier de validation',
      hint: 'Textes approuvés tels que hachés, preuves (e-mails bruts, jetons), URL publiées, entrées du journal d’audit et manifeste des empreintes SHA-256.',
      auditChecking: 'Vérification du journal d’audit…',
      auditOk_one: 'Journal d’audit vérifié, {{count, number}}\u00a0entrée',
      auditOk_other: 'Journal d’audit vérifié, {{count, number}}\u00a0entrées',
      auditBroken: 'Journal d’audit altéré\u00a0: {{problems}}',
      errors: { auditVerifyFailed: 'La vérification du journal d’audit n’a pas pu s’exécuter\u00a0; réessayez.' },
      problem: {
        edited: 'entrée n°\u00a0{{id}} modifiée',
        deleted: 'entrées supprimées avant le n°\u00a0{{id}}',
        reordered: 'entrée n°\u00a0{{id}} déplacée',
        unchained: 'entrée n°\u00a0{{id}} hors chaîne',
        tailCut: 'entrées supprimées à la fin du journal (la dernière ancrée, n°\u00a0{{id}}, manque)',
        anchorForged: 'ancre du journal falsifiée',
        anchorMissing: 'ancre du journal supprimée',
        anchorOtherKey: 'ancre scellée le {{when}} par une clé que ce trousseau n’a pas\u00a0: la fin du journal ne peut pas être prouvée par l’ancre',
      },
      notice: {
        anchorKeyReplaced:
          'Ancre scellée par une clé que ce trousseau n’a plus (clé de scellement remplacée le {{when}}\u00a0: trousseau réinitialisé, autre ordinateur ou sauvegarde restaurée ailleurs)\u00a0: les entrées d’avant le {{when}} ne peuvent plus être prouvées intactes par l’ancre.',
        chainIntact: 'La chaîne elle-même est intacte.',
      },
    },
  },
  {
    records: {
      exportPost: 'Export the sign-off record',
      exportPartner: 'Partner’s sign-off record',
      exportMonth: 'Month’s sign-off record',
      exporting: 'Exporting…',
      exported_one: 'Record saved in {{path}} ({{count, number}} approval). Every file is listed with its SHA-256 fingerprint (manifest.json, itself sealed by manifest.sha256): the record can be checked without Plume, by you or an expert.',
      exported_other: 'Record saved in {{path}} ({{count, number}} approvals). Every file is listed with its SHA-256 fingerprint (manifest.json, itself sealed by manifest.sha256): the record can be checked without Plume, by you or an expert.',
      heading: 'Sign-off record',
      hint: 'Approved texts exactly as hashed, evidence (raw emails, tokens), published URLs, audit log entries and a manifest of SHA-256 fingerprints.',
      auditChecking: 'Checking the audit log…',
      auditOk_one: 'Audit log verified, {{count, number}} entry',
      auditOk_other: 'Audit log verified, {{count, number}} entries',
      auditBroken: 'Audit log altered: {{problems}}',
      errors: { auditVerifyFailed: 'The audit log check could not run; try again.' },
      problem: {
        edited: 'entry #{{id}} edited',
        deleted: 'entries deleted before #{{id}}',
        reordered: 'entry #{{id}} moved',
        unchained: 'entry #{{id}} outside the chain',
        tailCut: 'entries cut off the end of the log (the last anchored one, #{{id}}, is missing)',
        anchorForged: 'the log’s anchor was forged',
        anchorMissing: 'the log’s anchor was removed',
        anchorOtherKey: 'anchor sealed on {{when}} by a key this keychain does not have: the end of the log cannot be proven by the anchor',
      },
      notice: {
        anchorKeyReplaced:
          'Anchor sealed by a key this keychain no longer has (sealing key replaced on {{when}}: keychain reset, another computer or a backup restored elsewhere): entries written before {{when}} can no longer be proven intact by the anchor.',
        chainIntact: 'The chain itself is intact.',
      },
    },
  },
);
