import { ApiError } from '../../shared/api/errors';

export const notFound = (what: string, id: string | number): ApiError =>
  new ApiError({ code: 'not_found', messageKey: `errors.notFound.${what}`, message: `${what} ${id} not found` });
