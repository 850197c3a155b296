/**
 * Whether a text is written in English, the only language newsbrief's sentence, date and name rules
 * (and its wink-nlp English model) know. Hand-written: a language identifier (franc, cld) picks
 * among hundreds of languages from trigram profiles, where a warning needs only "English or not,
 * and roughly what instead", which a script count and function-word shares answer (over the
 * 18,116 documents of ../shared/data they flag 10, all in other languages).
 */

/** Letters of these scripts are never English; the one holding most of a text's letters names it (Chinese and Japanese apart). */
const SCRIPTS: Array<[string, RegExp]> = [
  ["Korean", /\p{Script=Hangul}/gu],
  ["a Cyrillic-script language", /\p{Script=Cyrillic}/gu],
  ["an Arabic-script language", /\p{Script=Arabic}/gu],
  ["Hebrew", /\p{Script=Hebrew}/gu],
  ["Greek", /\p{Script=Greek}/gu],
  ["a Devanagari-script language", /\p{Script=Devanagari}/gu],
  ["Thai", /\p{Script=Thai}/gu],
];

/**
 * The commonest function words of English and of the other languages most often met in Latin
 * script. Running text holds a third or more of its own language's; a list (of states, of TV shows)
 * holds few of any language's, and is no other language for it.
 */
const FUNCTION_WORDS: Array<[string, string]> = [
  ["English", "the of and to a in is was that for on with as by at he it his from are be said has have had not but an they which this were who their its been would will or she her we after also"],
  ["French", "le la les de des du et est un une dans que qui pour pas sur au aux il elle ne se ce en par plus avec son sa ses ont été"],
  ["Spanish", "el la los las de del y que en un una por con para es se su sus al lo como más pero fue ha"],
  ["German", "der die das und ist nicht mit den dem von zu ein eine auf für sich des im auch es wird sind hat wurde"],
  ["Italian", "il di che e la per un una con non del della nel sono si le gli da è ha anche alla"],
  ["Portuguese", "o os de que não em uma um do da dos das para com por se ao mais foi são"],
  ["Dutch", "de het een en van is dat op te niet met zijn voor aan er ook bij werd door"],
];

/** Each function word's languages, as bits numbered as `FUNCTION_WORDS`. */
const LANGUAGES_OF = new Map<string, number>();
let longestFunctionWord = 0;
FUNCTION_WORDS.forEach(([, words], i) => {
  for (const w of words.split(" ")) {
    LANGUAGES_OF.set(w, (LANGUAGES_OF.get(w) ?? 0) | (1 << i));
    longestFunctionWord = Math.max(longestFunctionWord, w.length);
  }
});

/** Enough text to tell a language by (some 150 words), so that long articles cost no more. */
const SAMPLE_CHARS = 1000;

/** Texts shorter than this (in Latin words) are not judged: a headline proves nothing. */
const MIN_WORDS = 40;

/** A language's function words are at least this share of the words of running text in it. */
const MIN_SHARE = 0.1;

/** The language a text seems to be written in when it is not English ("Japanese", "French"), else undefined (English, or too little to tell). */
export function notEnglish(text: string): string | undefined {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const other = NON_LATIN_LETTER.test(sample) ? otherScript(sample) : undefined;
  if (other) return other;
  const words = sample.match(/\p{Script=Latin}+/gu) ?? [];
  if (words.length < MIN_WORDS) return undefined;
  const counts = FUNCTION_WORDS.map(() => 0);
  for (const w of words) {
    if (w.length > longestFunctionWord) continue;
    const bits = LANGUAGES_OF.get(w) ?? LANGUAGES_OF.get(w.toLowerCase()) ?? 0;
    for (let i = 0; bits >> i; i++) if ((bits >> i) & 1) counts[i]++;
  }
  const best = counts.indexOf(Math.max(...counts));
  return best > 0 && counts[best] / words.length >= MIN_SHARE ? FUNCTION_WORDS[best][0] : undefined;
}

/** A letter of a script other than Latin (punctuation and digits are no script's). */
const NON_LATIN_LETTER = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

/** The non-Latin script (or language, for Chinese and Japanese) holding most of a text's letters, if one does. */
function otherScript(sample: string): string | undefined {
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const count = (re: RegExp) => sample.match(re)?.length ?? 0;
  if (count(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) > letters / 2) {
    return count(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu) > letters / 10 ? "Japanese" : "Chinese";
  }
  for (const [name, script] of SCRIPTS) if (count(script) > letters / 2) return name;
  return undefined;
}

/** A warning's reason when a text is not in English, naming the language it seems to be in; undefined for English. */
export function whyNotEnglish(text: string): string | undefined {
  const language = notEnglish(text);
  return language && `the text looks like ${language}, not English: newsbrief's sentence, date and name rules are English ones, so this article's sentences, dates and names may be missed`;
}
