import { ApiError } from '../../../shared/api/errors';
import { fileTooLarge } from '../../../shared/api/requestSize';

/**
 * A file picked for a procedure that takes at most `limit` bytes: refused at once, before it is
 * read or sent, with both sizes (`errorMessage` writes « Fichier trop volumineux (9,1 Mo ; au
 * plus 5 Mo)… »). Null when it fits.
 */
export function fileTooLargeError(file: Blob, limit: number): ApiError | null {
  return file.size > limit ? new ApiError(fileTooLarge(file.size, limit)) : null;
}
