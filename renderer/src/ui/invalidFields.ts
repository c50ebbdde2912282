/** Fields the browser's own checks find invalid (a typed date that names no day says so with setCustomValidity). */
const INVALID = 'input:invalid, textarea:invalid, select:invalid';

/**
 * The first field of a `noValidate` form that the browser finds invalid, in the form's order, or
 * null. A form that stops on it moves the focus there (`focusField`), so the user and a screen
 * reader land on the field and the message it is described by, not on the button. Each invalid
 * field is told so (its `invalid` event, which a `noValidate` form never fires): a typed field
 * left straight for the submit button keeps its message back until then (TypedField), and would
 * otherwise show none.
 */
export function firstInvalidField(form: HTMLFormElement): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null {
  const invalid = [...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(INVALID)];
  for (const field of invalid) field.checkValidity();
  return invalid[0] ?? null;
}

/** Moves the focus to the field (the first of those given that is there), after the form has shown its messages. */
export function focusField(...fields: (HTMLElement | null | undefined)[]): void {
  const field = fields.find((candidate): candidate is HTMLElement => candidate !== null && candidate !== undefined);
  if (!field) return;
  // After React has drawn the message the field is described by, so it is read out with it.
  requestAnimationFrame(() => field.focus());
}
