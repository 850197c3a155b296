/**
 * Hand-checked date expressions: each sentence, its publication date, and the dates its
 * expressions denote, in text order (ISO at the precision the text allows; a week is its Monday).
 * Written for this project (paraphrasing the seed articles' kinds of expressions), not copied.
 */
export const DATE_FIXTURES: Array<{ text: string; published: string; expect: string[] }> = [
  { text: "Lavrov will visit Washington on Tuesday, December 10, the State Department said.", published: "2019-12-06", expect: ["2019-12-10"] },
  { text: "On Friday, the Russian Foreign Ministry confirmed the trip.", published: "2019-12-06", expect: ["2019-12-06"] },
  { text: "The two ministers met on Wednesday in Moscow.", published: "2019-12-06", expect: ["2019-12-04"] },
  { text: "Pompeo will travel to Sochi next week for talks with Putin.", published: "2019-05-10", expect: ["2019-05-13"] },
  { text: "Relations have soured since July 2018, when the leaders met in Helsinki.", published: "2019-05-10", expect: ["2018-07"] },
  { text: "In 2014, Russia annexed Crimea.", published: "2019-12-06", expect: ["2014"] },
  { text: "The 2011 New START treaty expires in 2021.", published: "2019-05-10", expect: ["2011", "2021"] },
  { text: "The officials met in Bonn in February and in Moscow in April.", published: "2017-05-09", expect: ["2017-02", "2017-04"] },
  { text: "The meeting was announced on May 10 and will take place on May 14.", published: "2019-05-11", expect: ["2019-05-10", "2019-05-14"] },
  { text: "The company said on Dec. 10 that sales fell.", published: "2019-12-12", expect: ["2019-12-10"] },
  { text: "Rescuers found the hikers three days ago.", published: "2020-03-09", expect: ["2020-03-06"] },
  { text: "The vote took place yesterday.", published: "2020-03-09", expect: ["2020-03-08"] },
  { text: "Parliament will vote tomorrow on the budget.", published: "2020-03-09", expect: ["2020-03-10"] },
  { text: "Sales rose last month, the agency said.", published: "2020-03-09", expect: ["2020-02"] },
  { text: "The election is due in January.", published: "2019-12-06", expect: ["2020-01"] },
  { text: "Prices peaked in November and fell in December.", published: "2020-01-15", expect: ["2019-11", "2019-12"] },
  { text: "The plane crashed on June 1, 2009, killing all 228 people on board.", published: "2011-07-05", expect: ["2009-06-01"] },
  { text: "Medvedev came to town in June 2010.", published: "2017-05-09", expect: ["2010-06"] },
  { text: "It was his first visit to Washington since 2013.", published: "2017-05-09", expect: ["2013"] },
  { text: "Trump took office on January 20.", published: "2017-05-09", expect: ["2017-01-20"] },
  { text: "The summit is scheduled for March 3.", published: "2020-02-20", expect: ["2020-03-03"] },
  { text: "He arrived on Monday and left on Thursday.", published: "2020-03-06", expect: ["2020-03-02", "2020-03-05"] },
  { text: "Between 1973 and 1990, thousands were killed.", published: "1998-10-17", expect: ["1973", "1990"] },
  { text: "About 2,000 people attended the 1998 conference.", published: "1999-02-01", expect: ["1998"] },
];
