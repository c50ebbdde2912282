import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefObject } from 'react';
import { DayPicker } from 'react-day-picker';
import { enGB, fr } from 'react-day-picker/locale';
import type { Locale } from 'date-fns';
import 'react-day-picker/style.css';
import { wallDate } from '../../../../shared/time/wallClock';
import { formatCivilDate } from '../../../../shared/time/civilDate';
import { civil } from '../../ui/civilDate';
import { userZone } from '../userZone';
import { useNow } from '../../ui/useNow';

interface CalendarPopoverProps {
  /** The button that opened it: the calendar opens under it. */
  anchor: RefObject<HTMLElement | null>;
  label: string;
  locale: Locale;
  /** `YYYY-MM-DD`, or null when the field holds no date yet. */
  selected: string | null;
  onPick: (date: string) => void;
  /** Closed by Escape or a click elsewhere; whether the focus was in the calendar then. */
  onClose: (focusWasInside: boolean) => void;
}

const GAP_PX = 4;
const MARGIN_PX = 8;

const isoDate = (day: Date): string => `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;

/**
 * A month to pick a day from, in Plume's language (weeks from Monday in French), on the top
 * layer (a popover: no side column clips it; Escape or a click elsewhere closes it). Days are
 * civil dates; « today » is the community manager's, from Plume's own zone data.
 */
export default function CalendarPopover({ anchor, label, locale, selected, onPick, onClose }: CalendarPopoverProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const closing = useRef(onClose);
  const now = useNow();
  useLayoutEffect(() => {
    closing.current = onClose;
  }, [onClose]);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    element.showPopover();
    // Under the button, kept inside the window.
    const at = anchor.current?.getBoundingClientRect();
    if (at) {
      const width = element.offsetWidth;
      const height = element.offsetHeight;
      const below = at.bottom + GAP_PX + height <= window.innerHeight - MARGIN_PX;
      element.style.left = `${Math.max(MARGIN_PX, Math.min(at.right - width, window.innerWidth - width - MARGIN_PX))}px`;
      element.style.top = `${below ? at.bottom + GAP_PX : Math.max(MARGIN_PX, at.top - GAP_PX - height)}px`;
    }
    // Closed by the browser (Escape, a click elsewhere): the field hears it.
    const toggled = (event: Event) => {
      if ((event as ToggleEvent).newState !== 'closed') return;
      const focused = document.activeElement;
      closing.current(focused === null || focused === document.body || element.contains(focused));
    };
    element.addEventListener('toggle', toggled);
    return () => element.removeEventListener('toggle', toggled);
  }, [anchor]);

  const chosen = selected ? civil(selected) : undefined;
  // Days named as Plume writes them (« lundi 1er mars 2027 »), not the library's « 1 mars ».
  const dayName = (day: Date, today: boolean | undefined): string => {
    const name = formatCivilDate(isoDate(day), 'EEEE d MMMM yyyy', locale);
    return today ? t('typedFields.today', { day: name }) : name;
  };
  return (
    <div ref={box} popover="auto" className="calendar-popover" role="dialog" aria-label={label} data-testid="calendar-popover">
      <DayPicker
        mode="single"
        required={false}
        autoFocus
        locale={locale.code.startsWith('fr') ? fr : enGB}
        weekStartsOn={1}
        today={wallDate(now, userZone())}
        selected={chosen}
        labels={{
          labelDayButton: (day, modifiers) => {
            const name = dayName(day, modifiers.today);
            return modifiers.selected ? t('typedFields.chosen', { day: name }) : name;
          },
          labelGridcell: (day, modifiers) => dayName(day, modifiers?.today),
        }}
        defaultMonth={chosen}
        onSelect={(day) => {
          if (day) onPick(isoDate(day));
        }}
      />
    </div>
  );
}
