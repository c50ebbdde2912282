import { defineMessages } from '../i18n/feature';

/**
 * The workspace file: damage, an empty file, backups. French typography: no-break space
 * (U+00A0) before « : » and inside « », narrow one (U+202F) before ; ! ?.
 */
export const storageMessages = defineMessages(
  {
    storage: {
      damaged: {
        title: 'Le fichier de l’espace de travail est endommagé',
        body: 'Plume a trouvé des dommages dans {{file}} et n’y écrit plus, pour que rien ne s’aggrave. Le fichier endommagé est laissé tel quel ; une copie a été mise de côté : {{aside}}.',
        unreadable: 'Il ne peut pas être ouvert du tout : rien ne peut en être lu.',
        what: 'Restaurez la dernière bonne sauvegarde, ou continuez en lecture seule pour exporter ce qui peut encore être lu (Rapports).',
        restore: 'Restaurer la sauvegarde du {{when}}',
        noBackup: 'Aucune sauvegarde n’existe encore.',
        readOnly: 'Continuer en lecture seule',
        readOnlyBanner: 'Lecture seule : le fichier de l’espace de travail est endommagé. Exportez ce dont vous avez besoin, puis restaurez une sauvegarde.',
        detail: 'Détail technique : {{reason}}',
      },
      empty: {
        title: 'Le fichier de l’espace de travail était vide',
        body: '{{file}} était vide (0 octet) : Plume a commencé un espace de travail neuf. Le fichier vide a été mis de côté : {{aside}}.',
        keep: 'Garder l’espace de travail neuf',
      },
      backups: {
        title: 'Sauvegardes',
        intro: 'Plume sauvegarde l’espace de travail au démarrage s’il a changé depuis la dernière sauvegarde, puis toutes les 4 heures tant qu’il change. Il garde 7 sauvegardes quotidiennes, 4 hebdomadaires et la première du jour, ainsi que vos 10 dernières sauvegardes manuelles, dans {{dir}}.',
        none: 'Aucune sauvegarde pour l’instant.',
        now: 'Sauvegarder maintenant',
        written: 'Sauvegarde écrite.',
        restore: 'Restaurer',
        confirm: 'Restaurer la sauvegarde du {{when}} ? L’espace de travail actuel est gardé comme sauvegarde : vous pourrez y revenir.',
        restored: 'Sauvegarde du {{when}} restaurée. L’espace de travail d’avant est gardé dans la liste.',
        kind: { automatic: 'Automatique', manual: 'Manuelle', beforeRestore: 'Gardée avant une restauration' },
      },
    },
  },
  {
    storage: {
      damaged: {
        title: 'The workspace file is damaged',
        body: 'Plume found damage in {{file}} and stopped writing to it, so nothing gets worse. The damaged file is left as it is; a copy was set aside: {{aside}}.',
        unreadable: 'It cannot be opened at all: nothing can be read from it.',
        what: 'Restore the latest good backup, or continue read-only to export what can still be read (Reports).',
        restore: 'Restore the backup of {{when}}',
        noBackup: 'No backup exists yet.',
        readOnly: 'Continue read-only',
        readOnlyBanner: 'Read-only: the workspace file is damaged. Export what you need, then restore a backup.',
        detail: 'Technical detail: {{reason}}',
      },
      empty: {
        title: 'The workspace file was empty',
        body: '{{file}} was empty (0 bytes): Plume started a new workspace. The empty file was set aside: {{aside}}.',
        keep: 'Keep the new workspace',
      },
      backups: {
        title: 'Backups',
        intro: 'Plume backs up the workspace at start if it changed since the latest backup, then every 4 hours while it changes. It keeps 7 daily and 4 weekly backups and the day’s first, plus your 10 latest manual backups, in {{dir}}.',
        none: 'No backup yet.',
        now: 'Back up now',
        written: 'Backup written.',
        restore: 'Restore',
        confirm: 'Restore the backup of {{when}}? The current workspace is kept as a backup: you can come back to it.',
        restored: 'Backup of {{when}} restored. The previous workspace is kept in the list.',
        kind: { automatic: 'Automatic', manual: 'Manual', beforeRestore: 'Kept before a restore' },
      },
    },
  },
);
