import { ApiError } from './errors';

/**
 * Deepest nesting of arrays/objects a procedure input may have. Real TipTap documents stay far
 * below this (a list in a list in a quote…); thousands of levels only come from hostile input,
 * and would overflow the stack inside zod's recursive schemas.
 */
export const MAX_INPUT_DEPTH = 64;

/** Checks raw input before zod sees it, iteratively, so no input can overflow the stack here either. */
export function checkInputShape(input: unknown): ApiError | null {
  const stack: { value: unknown; depth: number }[] = [{ value: input, depth: 0 }];
  while (stack.length > 0) {
    const top = stack.pop();
    if (top === undefined) break;
    const { value, depth } = top;
    if (typeof value === 'string') {
      // A NUL has no place in any text Plume stores or searches (SQLite FTS stops at it).
      if (value.includes('\u0000')) return invalid('errors.nulCharacter', 'Input contains a NUL character');
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) return invalid('errors.tooDeep', `Input nested deeper than ${MAX_INPUT_DEPTH} levels`);
    const children: unknown[] = Array.isArray(value) ? (value as unknown[]) : [...Object.keys(value), ...(Object.values(value) as unknown[])];
    for (const child of children) stack.push({ value: child, depth: depth + 1 });
  }
  return null;
}

const invalid = (messageKey: string, message: string) =>
  new ApiError({ code: 'validation', messageKey, message, issues: [{ path: [], messageKey }] });
