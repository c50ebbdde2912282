/**
 * Keys typed between Ctrl+K and the search field taking the focus. The dialog's code is loaded on
 * first use and drawn over whatever page is open: on a calendar of an agency's week that took
 * long enough for « médiation », typed straight after Ctrl+K, to reach the field as « n » (the
 * first letters went to the page behind). They are kept here and handed to the field.
 */
let typed = '';
let listening = false;
/** A dialog that never comes (its code failed to load) must not keep the page's keys. */
const GIVE_UP_MS = 5_000;
let giveUp: ReturnType<typeof setTimeout> | undefined;

const onKey = (event: KeyboardEvent) => {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
  if (event.key.length === 1) {
    typed += event.key;
    event.preventDefault();
    event.stopPropagation();
  } else if (event.key === 'Backspace') {
    typed = typed.slice(0, -1);
    event.preventDefault();
    event.stopPropagation();
  }
};

/** From now on, characters typed are kept for the search field (called as Ctrl+K is pressed). */
export function keepEarlyKeys(): void {
  if (listening) return;
  typed = '';
  listening = true;
  window.addEventListener('keydown', onKey, true);
  giveUp = setTimeout(() => void takeEarlyKeys(), GIVE_UP_MS);
}

/** What was typed since `keepEarlyKeys`, and the page's keys back to normal (called once the field has the focus). */
export function takeEarlyKeys(): string {
  if (listening) window.removeEventListener('keydown', onKey, true);
  clearTimeout(giveUp);
  listening = false;
  const kept = typed;
  typed = '';
  return kept;
}
