/** English function words (NLTK's list plus news-reporting fillers); lower case. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all also am an and any are aren't as at be because been before being below " +
    "between both but by can cannot could couldn't did didn't do does doesn't doing don't down during each few for " +
    "from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him " +
    "himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my " +
    "myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd " +
    "she'll she's should shouldn't so some such than that that's the their theirs them themselves then there " +
    "there's these they they'd they'll they're they've this those through to too under until up very was wasn't we " +
    "we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's " +
    "with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves will may might must " +
    "shall just now also said says say told according mr mrs ms one two three s t yet however since still even " +
    "many much well back last first new year years week day days time like get got just us"
  ).split(" "),
);

/** Sentence starters that, capitalised after an abbreviation like "U.S.", show a new sentence began. */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set(
  (
    "The A An He She It They We I You But And In On At This That These Those His Her Their Its Our There After " +
    "Before When While As If Some Many Most Both Officials Other Such No Yet So For Since Although Though Despite " +
    "However Meanwhile Still Also Then Now Last Earlier Later What Who Why How Where"
  ).split(" "),
);
