import { calendarMessages } from '../../../shared/calendar/messages';
import { calendarUiMessages } from '../calendar/messages';
import { accountMessages } from '../accounts/messages';
import { reportUiMessages } from '../reports/messages';
import { editorialEditorMessages } from '../editorial/editor/messages';
import { editorialDomainMessages, editorialLineMessages } from '../editorial/messages';
import { signoffMessages } from '../signoff/messages';
import { publishingMessages } from '../publishing/messages';
import { settingsUiMessages } from '../settings/messages';
import { storageMessages } from '../storage/messages';
import { recordMessages } from '../records/messages';
import { previewMessages } from '../previews/messages';
import { engagementMessages } from '../engagement/messages';
import { similarityMessages } from '../similarity/messages';
import { digestMessages } from '../digest/messages';
import { versionMessages } from '../versions/messages';
import { snippetMessages } from '../snippets/messages';
import { voiceMessages } from '../voice/messages';
import { threadMessages } from '../threads/messages';
import { typedFieldMessages } from '../time/fields/messages';
import type { FeatureMessages } from './feature';

/** Every feature's dictionary; add a feature's `messages.ts` here. */
export const featureMessages: FeatureMessages[] = [calendarMessages, calendarUiMessages, accountMessages, reportUiMessages, editorialEditorMessages, signoffMessages, editorialDomainMessages, editorialLineMessages, publishingMessages, settingsUiMessages, storageMessages, recordMessages, previewMessages, engagementMessages, similarityMessages, digestMessages, versionMessages, snippetMessages, voiceMessages, threadMessages, typedFieldMessages];
