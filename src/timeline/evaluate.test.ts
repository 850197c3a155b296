import assert from "node:assert/strict";
import { test } from "node:test";
import { dayNumber, findDates, resolveAll } from "./dates.js";
import { countMentionYears, emptyMentionYearScore } from "./evaluate.js";

test("mention years: a relative mention resolved against a wrong-year estimate counts wrong, a stated year never", () => {
  const text = "Protesters gathered on Saturday. The arrest in April 1976 was recalled. He left last week, on Oct. 9.";
  const mentions = findDates(text, [{ start: 0, end: text.length }]);
  const estimated = resolveAll(mentions, { day: dayNumber(1997, 10, 20), precision: "day" });
  const score = emptyMentionYearScore();
  countMentionYears(score, mentions, estimated, "1998-10-18");
  assert.deepEqual(score, { mentions: { absolute: 1, yearless: 1, relative: 2 }, wrongYear: { absolute: 0, yearless: 1, relative: 2 } });
});
