// twitter-text exports its weighting configs at runtime; @types/twitter-text omits them.
import type { ParseTweetOptions } from 'twitter-text';

declare module 'twitter-text' {
  export const configs: { defaults: ParseTweetOptions; version3: ParseTweetOptions };
}
