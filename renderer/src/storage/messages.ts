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
        bodyEarlier: 'Plume a trouvé des dommages dans {{file}} et n’y écrit plus, pour que rien ne s’aggrave. Le fichier endommagé est laissé tel quel ; il avait déjà été mis de côté, à l’identique, lors d’un démarrage précédent : {{aside}} (pas de seconde copie).',
        unreadable: 'Il ne peut pas être ouvert du tout : rien ne peut en être lu.',
        what: 'Restaurez la dernière bonne sauvegarde, ou continuez en lecture seule pour exporter ce qui peut encore être lu (Rapports).',
        whatRestoreOnly: 'Restaurez la sauvegarde proposée : c’est la seule façon de retrouver le travail.',
        whatReadOnlyOnly: 'Aucune sauvegarde saine n’est disponible : continuez en lecture seule pour exporter ce qui peut encore être lu (Rapports).',
        whatNothing: 'Aucune sauvegarde saine n’est disponible et le fichier ne peut pas être lu : gardez la copie mise de côté et le fichier plume.log pour l’assistance, puis fermez Plume.',
        checkingBackups: 'Plume vérifie les sauvegardes pour vous proposer la plus récente qui soit saine…',
        damagedBackups_one: 'La sauvegarde la plus récente est endommagée elle aussi : la plus récente qui soit saine est proposée.',
        damagedBackups_other: 'Les {{count, number}} sauvegardes les plus récentes sont endommagées elles aussi : la plus récente qui soit saine est proposée.',
        noSoundBackup: 'Aucune sauvegarde ne passe la vérification : aucune n’est proposée.',
        restore: 'Restaurer la sauvegarde du {{when}}',
        restoring: 'Restauration de la sauvegarde en cours… Plume la vérifie et rouvre l’espace de travail.',
        noBackup: 'Aucune sauvegarde n’existe encore.',
        readOnly: 'Continuer en lecture seule',
        readOnlyBanner: 'Lecture seule : le fichier de l’espace de travail est endommagé. Exportez ce dont vous avez besoin, puis restaurez une sauvegarde.',
        detail: 'Détail technique : {{reason}}',
      },
      unopenable: {
        title: 'Plume ne peut pas ouvrir le fichier de l’espace de travail',
        hint: 'Rien n’a été modifié ni copié. Corrigez cela, puis relancez Plume.',
      },
      readOnly: {
        pill: 'Lecture seule : rien n’est enregistré',
        pillTitle: 'Le fichier {{file}} refuse l’écriture. Rendez-le modifiable ; Plume réessaiera tout seul.',
      },
      backupFailedPill: 'Sauvegarde en échec',
      alerts: {
        backupFailed: {
          diskFull: 'La sauvegarde automatique n’a pas pu être écrite : le disque est plein. Libérez de la place ; Plume réessaiera plus tard, ou appuyez sur « Sauvegarder maintenant » (Réglages › Sauvegardes).',
          readOnly: 'La sauvegarde automatique n’a pas pu être écrite : le dossier {{dir}} est en lecture seule. Rendez-le modifiable ; Plume réessaiera plus tard.',
          other: 'La sauvegarde automatique n’a pas pu être écrite. Le détail est dans plume.log ; essayez « Sauvegarder maintenant » (Réglages › Sauvegardes).',
        },
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
        failed: {
          automatic: 'La dernière sauvegarde automatique ({{when}}) a échoué : {{why}}',
          manual: 'La dernière sauvegarde demandée ({{when}}) a échoué : {{why}}',
          diskFull: 'le disque est plein. Libérez de la place, puis appuyez sur « Sauvegarder maintenant ».',
          readOnly: 'le dossier des sauvegardes est en lecture seule. Rendez-le modifiable, puis appuyez sur « Sauvegarder maintenant ».',
          other: '{{detail}}. Le détail est dans plume.log.',
        },
        now: 'Sauvegarder maintenant',
        written: 'Sauvegarde écrite en {{seconds, number}}\u00a0s.',
        writtenQuick: 'Sauvegarde écrite en moins d’une seconde.',
        working: 'Sauvegarde en cours… {{seconds, number}}\u00a0s. Plume reste utilisable pendant la copie.',
        workingSized: 'Sauvegarde en cours (environ {{size}} à copier)… {{seconds, number}}\u00a0s. Plume reste utilisable pendant la copie.',
        restoring: 'Restauration en cours… {{seconds, number}}\u00a0s.',
        restore: 'Restaurer',
        confirm: 'Restaurer {{which}} ? L’espace de travail actuel est gardé comme sauvegarde : vous pourrez y revenir.',
        restored: 'Restaurée : {{which}}. L’espace de travail d’avant est gardé dans la liste.',
        which: {
          automatic: 'la sauvegarde automatique du {{when}}',
          manual: 'la sauvegarde manuelle du {{when}}',
          beforeRestore: 'la sauvegarde gardée avant une restauration, du {{when}}',
        },
        kind: { automatic: 'Automatique', manual: 'Manuelle', beforeRestore: 'Gardée avant une restauration' },
      },
    },
  },
  {
    storage: {
      damaged: {
        title: 'The workspace file is damaged',
        body: 'Plume found damage in {{file}} and stopped writing to it, so nothing gets worse. The damaged file is left as it is; a copy was set aside: {{aside}}.',
        bodyEarlier: 'Plume found damage in {{file}} and stopped writing to it, so nothing gets worse. The damaged file is left as it is; an earlier start already set the same bytes aside: {{aside}} (no second copy).',
        unreadable: 'It cannot be opened at all: nothing can be read from it.',
        what: 'Restore the latest good backup, or continue read-only to export what can still be read (Reports).',
        whatRestoreOnly: 'Restore the backup offered: it is the only way back to the work.',
        whatReadOnlyOnly: 'No sound backup is available: continue read-only to export what can still be read (Reports).',
        whatNothing: 'No sound backup is available and the file cannot be read: keep the copy set aside and plume.log for support, then close Plume.',
        checkingBackups: 'Plume is checking the backups to offer the newest sound one…',
        damagedBackups_one: 'The newest backup is damaged too: the newest sound one is offered.',
        damagedBackups_other: 'The {{count, number}} newest backups are damaged too: the newest sound one is offered.',
        noSoundBackup: 'No backup passes its check: none is offered.',
        restore: 'Restore the backup of {{when}}',
        restoring: 'Restoring the backup… Plume checks it and opens the workspace again.',
        noBackup: 'No backup exists yet.',
        readOnly: 'Continue read-only',
        readOnlyBanner: 'Read-only: the workspace file is damaged. Export what you need, then restore a backup.',
        detail: 'Technical detail: {{reason}}',
      },
      unopenable: {
        title: 'Plume cannot open the workspace file',
        hint: 'Nothing was changed or copied. Fix this, then start Plume again.',
      },
      readOnly: {
        pill: 'Read-only: nothing is saved',
        pillTitle: 'The file {{file}} refuses writing. Make it writable; Plume will retry by itself.',
      },
      backupFailedPill: 'Backup failing',
      alerts: {
        backupFailed: {
          diskFull: 'The automatic backup could not be written: the disk is full. Free some space; Plume tries again later, or press “Back up now” (Settings › Backups).',
          readOnly: 'The automatic backup could not be written: the folder {{dir}} is read-only. Make it writable; Plume tries again later.',
          other: 'The automatic backup could not be written. The detail is in plume.log; try “Back up now” (Settings › Backups).',
        },
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
        failed: {
          automatic: 'The latest automatic backup ({{when}}) failed: {{why}}',
          manual: 'The latest backup asked for ({{when}}) failed: {{why}}',
          diskFull: 'the disk is full. Free some space, then press “Back up now”.',
          readOnly: 'the backups folder is read-only. Make it writable, then press “Back up now”.',
          other: '{{detail}}. The detail is in plume.log.',
        },
        now: 'Back up now',
        written: 'Backup written in {{seconds, number}} s.',
        writtenQuick: 'Backup written in under a second.',
        working: 'Backing up… {{seconds, number}} s. Plume stays usable while it copies.',
        workingSized: 'Backing up (about {{size}} to copy)… {{seconds, number}} s. Plume stays usable while it copies.',
        restoring: 'Restoring… {{seconds, number}} s.',
        restore: 'Restore',
        confirm: 'Restore {{which}}? The current workspace is kept as a backup: you can come back to it.',
        restored: 'Restored: {{which}}. The previous workspace is kept in the list.',
        which: {
          automatic: 'the automatic backup of {{when}}',
          manual: 'the manual backup of {{when}}',
          beforeRestore: 'the backup kept before a restore, of {{when}}',
        },
        kind: { automatic: 'Automatic', manual: 'Manual', beforeRestore: 'Kept before a restore' },
      },
    },
  },
);
