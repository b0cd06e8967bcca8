/**
 * compromise, set up once for the whole engine. Only the matcher and the rule compiler import this:
 * evaluating compromise costs 150–330 ms, so it must never reach the eager content script.
 */
import nlp from 'compromise';

export default nlp;
export type Nlp = typeof nlp;
