import type { OnProgress, ProgressStep } from "../types/index.js";

const UNIT: Record<ProgressStep, string> = { reading: "files", grouping: "articles", labelling: "stories", briefing: "stories" };

/**
 * One counter line per step on a terminal ("reading 120/500 files", "grouping 900/1921 articles",
 * "labelling 100/350 stories", "briefing 40/350 stories"), for runs large enough to wait on: a step shows once it counts 50 or an
 * earlier step has shown.
 */
export function progressLine(stream: NodeJS.WritableStream): OnProgress {
  let last = 0;
  let shown = false;
  return (done, total, step) => {
    if (total < 50 && !shown) return;
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    shown = true;
    stream.write(`\rnewsbrief: ${step} ${done}/${total} ${UNIT[step]}${done === total ? "\n" : ""}`);
  };
}
