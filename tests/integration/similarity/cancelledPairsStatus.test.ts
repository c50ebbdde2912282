import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { httpStatusOf } from '../../../electron/server/server';
import { pairsCancelled } from '../../../electron/core/similarity/service';

describe('the HTTP status of a pair search the page cancelled', () => {
  it('is not a server failure (no « 503 Service Unavailable » in the console of a page that left the view)', () => {
    const status = httpStatusOf(pairsCancelled().toShape());
    expect(status).toBeLessThan(400);
  });

  it('stays 503 for a core that really cannot answer', () => {
    expect(httpStatusOf(new ApiError({ code: 'unavailable', messageKey: 'errors.unavailable', message: 'Core is not started' }).toShape())).toBe(503);
  });
});
