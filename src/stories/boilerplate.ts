/**
 * Crawl junk: pages a crawler kept instead of the article (cookie walls, "enable JavaScript",
 * archive crawl notes, tweet-embedding help, reprint notices). Identical across unrelated stories,
 * they would glue those stories together, so grouping leaves them alone.
 */

const SENTENCE = /[^.!?\n]+/g;
/** Phrases that only page furniture uses. */
const FURNITURE =
  /\b(?:th(?:is|ese) crawls?|crawls? (?:of|was|were|with)|web ?crawls?|crawl data|crawler|warcs?|web archives?|web archiving|web captures|web collections|archived websites|websites archived|web wide crawl|daily crawl|seed ?list|wayback machine|internet archive hopes|broken links?|archive-it|tweet with a location|location to your tweets|tweet location|add this (?:tweet|video) to your website|third-party applications|reprints?|non-commercial use|enable (?:javascript|cookies)|javascript (?:is )?(?:disabled|required)|(?:we|site) uses? cookies|cookie (?:policy|settings)|your (?:web )?browser|sign up (?:for|and get)|newsletter|verification email|delivered (?:to your inbox|weekday mornings)|email notifications?|notification has been saved|media playback|advertisement continue reading|continue reading the main story|breaking news (?:emails|alerts)|page (?:not found|you requested)|try again later|not available right now|video has been rented|transcript could not be loaded|check your email|your comments|sign in (?:using|with)|help page|all rights reserved|privacy policy|terms of (?:use|service)|learn more)\b/i;
const WORD = /\p{L}{3,}/gu;
const ANY_WORD = /\p{L}{3,}/u;

/** Share of a text's words at which it counts as crawl junk rather than an article with some furniture. */
export const JUNK_SHARE = 0.5;

function wordCount(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Whether a sentence holds a phrase that only page furniture uses ("sign up for", "all rights reserved"). */
export function isFurniture(sentence: string): boolean {
  return FURNITURE.test(sentence);
}

/** Share of the text's words that sit in page-furniture sentences (1 for a text without words). */
export function furnitureShare(text: string): number {
  let all = 0;
  let furniture = 0;
  for (const sentence of text.match(SENTENCE) ?? []) {
    const words = wordCount(sentence);
    all += words;
    if (words && isFurniture(sentence)) furniture += words;
  }
  return all ? furniture / all : 1;
}

/** `furnished`: whether the text holds a furniture phrase at all (`isFurniture(text)`), for a caller that needs it too. */
export function isCrawlJunk(text: string, furnished = isFurniture(text)): boolean {
  // Most texts hold no furniture phrase at all (a phrase never spans sentences): their share is 0, or 1 without words.
  if (!furnished) return !ANY_WORD.test(text);
  return furnitureShare(text) >= JUNK_SHARE;
}

/**
 * The part of a text that tells its story: nothing for crawl junk, else the text with its furniture
 * sentences blanked out. A site's furniture sentence ("Get breaking news alerts and special
 * reports.") opens every page of that site, so its words, shared by unrelated stories, would glue
 * them. Sentence ends stay, so what follows a blanked sentence still starts one.
 */
export function storyMatter(text: string): string {
  if (!isFurniture(text)) return ANY_WORD.test(text) ? text : "";
  let all = 0;
  let furniture = 0;
  const kept = text.replace(SENTENCE, (sentence) => {
    const words = wordCount(sentence);
    all += words;
    if (!words || !isFurniture(sentence)) return sentence;
    furniture += words;
    return " ";
  });
  // As `isCrawlJunk`: mostly furniture (or no words at all) is junk.
  return all && furniture / all < JUNK_SHARE ? kept : "";
}
