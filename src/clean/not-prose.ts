/**
 * Whether a text reads as running text at all. A data dump saved as .txt (base64, a log, a table
 * of figures, minified script) has words of no language, so grouping it by shared words and
 * summarising its "sentences" (one sentence of megabytes when there is no full stop) only makes a
 * junk story. Over the 18,012 documents of ../shared/data, one has under 40% word-like tokens
 * (0.28: a table of figures); the lowest article-like text is a lab's methods section full of
 * cell-line codes (0.59). A base64 blob or a server log scores 0-0.2.
 */

/** Enough of a text to judge it by, so that long articles cost no more. */
const SAMPLE_CHARS = 1000;

/** Fewer whitespace-separated tokens than this, in a text shorter than the sample, prove nothing ("Q3 2019: 4.1%"). */
const MIN_TOKENS = 20;

/** Running text has most of its tokens word-like (see above). */
const MIN_WORD_SHARE = 0.4;

/**
 * A word with the punctuation that may cling to it or join it ("and/or", "U.S.-led", "東京都内では、"):
 * letters of any script and punctuation, no digits or symbols. A base64 line of 76 characters
 * holds a digit all but surely; a table, a log line or minified script holds digits or "=", "+".
 */
const WORD_LIKE = /^[\p{L}\p{M}\p{P}]*\p{L}[\p{L}\p{M}\p{P}]*$/u;

/** Why `text` does not read as running text, if it does not. */
export function notProseReason(text: string): string | undefined {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const tokens = sample.split(/\s+/).filter(Boolean);
  if (tokens.length < MIN_TOKENS && sample.length < SAMPLE_CHARS) return undefined;
  const words = tokens.filter((t) => WORD_LIKE.test(t)).length;
  const share = words / tokens.length;
  if (share >= MIN_WORD_SHARE) return undefined;
  return `does not read as running text: only ${Math.round(share * 100)}% of its first ${tokens.length} tokens are words (a data dump, a table or code?)`;
}
