import { calendarMessages } from '../../../shared/calendar/messages';
import { calendarUiMessages } from '../calendar/messages';
import type { FeatureMessages } from './feature';

/** Every feature's dictionary; add a feature's `messages.ts` here. */
export const featureMessages: FeatureMessages[] = [calendarMessages, calendarUiMessages];
