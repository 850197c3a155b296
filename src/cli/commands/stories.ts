import { parseArgs } from "node:util";
import { groupInputs, type StoryGrouping } from "../../core/stories.js";
import { counted, countsLine, messageLine } from "../../render/common.js";
import { UsageError } from "../args.js";
import type { Command } from "../io.js";
import { parseGranularity } from "./brief.js";
import { FETCH_ARGS, FETCH_HELP, fetchSetup } from "../fetching.js";
import { progressLine } from "../progress.js";

export const STORIES_HELP = `Usage: newsbrief stories <files|dirs|globs|urls|-> [options]

Separates a pile of articles into stories (articles about the same event) and prints only the
grouping: {"articles": [{"id", "file"?, "title"}], "stories": [{"id", "articleIds", "label"}]}.
Inputs are read as by \`newsbrief brief\`: files, directories, feeds, http(s) URLs.

Options:
  --format <f>        json | text (default: text on a terminal, else json)
  --granularity <g>   event (default): one story per event; topic: one per subject across time
${FETCH_HELP}  --quiet             do not print input warnings to stderr
  -h, --help          show this help
`;

export const storiesCommand: Command = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string" },
      granularity: { type: "string" },
      ...FETCH_ARGS,
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(STORIES_HELP);
    return 0;
  }
  const inputs = [...positionals, ...(values.feed ?? [])];
  if (inputs.length === 0) throw new UsageError("no input given: name files, directories, globs, URLs, or - for stdin");
  const format = values.format ?? (io.stdout.isTTY ? "text" : "json");
  if (format !== "json" && format !== "text") throw new UsageError(`unknown format "${values.format}"; use json or text`);
  const granularity = parseGranularity(values.granularity);
  const { fetcher, since } = fetchSetup(values, io.env);
  const grouping = await groupInputs(inputs, { cwd: io.cwd, stdin: io.stdin, granularity, fetcher, since, onProgress: io.stderr.isTTY ? progressLine(io.stderr) : undefined }).finally(() => fetcher.close());
  for (const m of grouping.messages) {
    if (!values.quiet || m.severity === "error") io.stderr.write(`newsbrief: ${messageLine(m)}\n`);
  }
  if (grouping.stories.length === 0) return 1;
  const { messages: _messages, ...output } = grouping;
  io.stdout.write(format === "json" ? JSON.stringify(output, null, 2) + "\n" : storiesText(grouping));
  return 0;
};

function storiesText(g: StoryGrouping): string {
  const number = new Map(g.articles.map((a, i) => [a.id, i + 1]));
  const byId = new Map(g.articles.map((a) => [a.id, a]));
  const lines = [countsLine(g.articles.length, g.stories.length)];
  for (const s of g.stories) {
    lines.push("", `${s.id}  ${s.label}  (${counted(s.articleIds.length, "article")})`);
    for (const id of s.articleIds) {
      const a = byId.get(id)!;
      lines.push(`  [${number.get(id)}] ${a.title}${a.file ? `  (${a.file})` : ""}`);
    }
  }
  return lines.join("\n") + "\n";
}
