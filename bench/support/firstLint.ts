import { compileLine, lint } from '../../shared/editorial/index';
import { warmUp } from '../../shared/editorial/warmUp';
import { generatedLine, post } from './editorialFixtures';
import { time } from './stats';

/**
 * A fresh thread as the lint worker now runs one: warmed up when an editor opens, then the
 * line compiled and the post linted (memos cold). Run in its own process by the editorial
 * lint bench, as a process's first lint can be timed only once; prints JSON.
 */
const warmUpMs = time(() => warmUp());
const line = generatedLine();
const compiled = compileLine(line);
const firstLintMs = time(() => lint(post(), compiled, { networks: ['linkedin', 'x'] }));
console.log(JSON.stringify({ warmUpMs, firstLintMs }));
