/**
 * Whether a sentence reads alone as a timeline line. A leading connective ("But", "And yet",
 * "However,") only links it to the sentence before, so the line starts after it; a sentence that
 * then still opens with a word pointing back ("He", "Their", "This is", "That means", "There,")
 * names nothing alone and is no line, unless a same-saying sentence from another source stands in;
 * so is a sentence all in quotation marks, whose speaker the line would not name.
 * "It" stays: it often opens a line that names all it needs ("It will be Lavrov's first visit to
 * Washington since 2013").
 */

/** "But ", "And yet ", "However, ", "Meanwhile, ": words that only link to the sentence before. */
const CONNECTIVE = /^(?:(?:But|And|Or)(?: yet| so| then| also)?,?\s+|(?:However|Meanwhile|Also|Still|Yet|So|Then|Besides|Moreover|Furthermore|Nevertheless|Nonetheless|Instead|Indeed),\s+)/;

/** A pronoun for people named in an earlier sentence. */
const PRONOUN = /^(?:he|she|they|his|her|their|him|them)\b/i;
/** "This is…", "That means…", "These were…": a demonstrative standing for what came before (not "This week", "That law"). */
const DEMONSTRATIVE = /^(?:this|that|these|those)(?:['’]s\b|\s+(?:is|was|are|were|has|had|have|could|would|will|may|might|can|should|must|means|meant|makes|made|includes|included|shows|showed|comes|came|became|remains|remained|seems|seemed|marks|marked|leaves|left|did|does|led|prompted|followed)\b|\s*[,.;])/i;
/** "There, the murder rate…": a place named before (not "There are…"). */
const DEICTIC_THERE = /^there\s*,/i;

/** Length of the connective opening `text` (0 when none). */
export function leadingConnective(text: string): number {
  return CONNECTIVE.exec(text)?.[0].length ?? 0;
}

/** "\"Tomorrow is a critical day.\"": a sentence all inside quotation marks, its speaker named in another sentence or none. */
const WHOLE_QUOTATION = /^["“][^"“”]*["”]?\s*$/;

/** Opens with a word whose referent is in an earlier sentence, or is all quotation, saying nothing of who speaks. */
export function needsAntecedent(text: string): boolean {
  return PRONOUN.test(text) || DEMONSTRATIVE.test(text) || DEICTIC_THERE.test(text) || WHOLE_QUOTATION.test(text);
}

/** "It", "This new code", "Both men": reads alone, but worse than a line naming its subject. */
const REFERENCE = /^(?:it|its|this|that|these|those|both|such|there)\b/i;

/** Opens with a word that refers back, even one a line can keep (see `needsAntecedent` for those it cannot). */
export function leansBack(text: string): boolean {
  return REFERENCE.test(text) || needsAntecedent(text);
}
