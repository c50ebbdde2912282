import type { TFunction } from 'i18next';
import { postTitle } from '../posts/postTitle';

type AlertParams = Record<string, string | number>;

/**
 * An alert's values as its message shows them. Core sends a post's title as it is: an untitled
 * post's (the default) is shown « Sans titre » / "Untitled" in the UI's language, inside the
 * message's own quotes, never as an empty « ».
 */
export function alertParams(params: AlertParams, t: TFunction): AlertParams {
  const { title } = params;
  return typeof title === 'string' ? { ...params, title: postTitle(title, t) } : params;
}
