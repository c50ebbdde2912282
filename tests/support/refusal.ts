import { ApiError } from '../../shared/api/errors';

/** The contract's error a call was refused with; fails the test if it went through or threw anything else. */
export async function refusal(call: Promise<unknown> | (() => unknown)): Promise<ApiError> {
  try {
    await (typeof call === 'function' ? call() : call);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}
