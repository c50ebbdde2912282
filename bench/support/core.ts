import type { Core } from '../../electron/core/app';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../shared/api/contract';

/** One procedure through core's router, as the UI calls it; a failure stops the benchmark. */
export async function call<K extends ProcedureName>(core: Core, name: K, input: ProcedureInput<K>): Promise<ProcedureOutput<K>> {
  const result = await core.router.call(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ProcedureOutput<K>;
}

/** French legal prose of `length` characters, varied by `seed`. */
export function paragraph(length: number, seed: number): string {
  const words = ['contrat', 'imprévision', 'clause', 'avocat', 'barreau', 'médiation', 'société', 'droit', 'PME', 'réforme'];
  let out = '';
  for (let i = 0; out.length < length; i++) out += `${words[(i * 7 + seed) % words.length] ?? ''} `;
  return out.slice(0, length);
}
