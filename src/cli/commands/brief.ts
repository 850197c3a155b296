import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { brief } from "../../core/brief.js";
import { FORMATS, render, type Format } from "../../render/index.js";
import { SUMMARIZERS } from "../../summarize/index.js";
import { counted, messageLine } from "../../render/common.js";
import type { Command } from "../io.js";
import { parseSize, positiveInt, UsageError } from "../args.js";
import { unwritable, writeProblem } from "../output.js";
import { FETCH_ARGS, FETCH_HELP, fetchSetup } from "../fetching.js";
import { progressLine } from "../progress.js";

export const BRIEF_HELP = `Usage: newsbrief brief <files|dirs|globs|urls|-> [options]

Turns news articles into a short, sourced briefing.
Inputs: .txt/.md (a leading "date YYYY-MM-DD" line sets the date), .json (an article or an
array), .jsonl (one article per line), .html, RSS/Atom/RDF feed files; directories are read
recursively; - reads stdin. http(s) URLs are fetched (a page or a feed; cached on disk).

Options:
  --format <f>        text | md | html | json (default: text on a terminal, else json;
                      with --out, taken from the file extension)
  --words <n>         summary length in words (default 120)
  --sentences <n>     summary length in sentences (instead of --words; not both)
  --focus <text>      a question or topic: the summaries favour the sentences about it
  --granularity <g>   story separation: event (default) or topic
  --algorithm <name>  summariser: ${[...SUMMARIZERS.keys()].join(", ")} (default newsbrief)
  --out <file>        write the briefing to a file instead of stdout
  --max-file-size <s> largest input file, e.g. 20MB (default), 500KB
${FETCH_HELP}  --quiet             do not print input warnings to stderr
  -h, --help          show this help
`;

export const briefCommand: Command = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string" },
      words: { type: "string" },
      sentences: { type: "string" },
      algorithm: { type: "string" },
      focus: { type: "string" },
      granularity: { type: "string" },
      out: { type: "string", short: "o" },
      "max-file-size": { type: "string" },
      ...FETCH_ARGS,
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(BRIEF_HELP);
    return 0;
  }
  const inputs = [...positionals, ...(values.feed ?? [])];
  if (inputs.length === 0) throw new UsageError("no input given: name files, directories, globs, URLs, or - for stdin");
  if (values.words && values.sentences) throw new UsageError("give --words or --sentences, not both: each sets the summary length");
  const outFile = values.out ? path.resolve(io.cwd, values.out) : undefined;
  const outProblem = outFile && (await unwritable(outFile));
  if (outProblem) {
    io.stderr.write(`newsbrief brief: cannot write ${values.out}: ${outProblem}\n`);
    return 1;
  }
  const { fetcher, since } = fetchSetup(values, io.env);
  const format = chooseFormat(values.format, values.out, Boolean(io.stdout.isTTY));
  const algorithm = values.algorithm;
  if (algorithm && !SUMMARIZERS.has(algorithm)) throw new UsageError(`unknown algorithm "${algorithm}"; use one of ${[...SUMMARIZERS.keys()].join(", ")}`);
  const briefing = await brief(inputs, {
    since,
    fetcher,
    cwd: io.cwd,
    stdin: io.stdin,
    words: values.words ? positiveInt(values.words, "--words") : undefined,
    sentences: values.sentences ? positiveInt(values.sentences, "--sentences") : undefined,
    algorithm,
    focus: values.focus?.trim() || undefined,
    granularity: parseGranularity(values.granularity),
    maxFileBytes: values["max-file-size"] ? parseSize(values["max-file-size"]) : undefined,
    onProgress: io.stderr.isTTY ? progressLine(io.stderr) : undefined,
  }).finally(() => fetcher.close());
  // A text briefing on the terminal lists its messages at its end: on the same screen, stderr names only the errors and says where the rest are.
  const listedBelow = !outFile && format === "text" && Boolean(io.stdout.isTTY) && Boolean(io.stderr.isTTY);
  for (const m of briefing.messages) {
    if ((!values.quiet && !listedBelow) || m.severity === "error") io.stderr.write(`newsbrief: ${messageLine(m)}\n`);
  }
  const others = briefing.messages.filter((m) => m.severity !== "error").length;
  if (listedBelow && !values.quiet && others && briefing.stories.length) io.stderr.write(`newsbrief: ${counted(others, "message")} (warnings, notes) listed under Messages at the end of the briefing\n`);
  if (briefing.stories.length === 0) {
    io.stderr.write("newsbrief: nothing to brief. Check the messages above; `newsbrief brief --help` lists the accepted inputs.\n");
    return 1;
  }
  // A pseudo-terminal with no size set (script, some CI runners, docker exec -t) reports 0 columns.
  const output = render(briefing, format, Math.min(io.stdout.columns || 100, 120));
  if (outFile) {
    try {
      await writeFile(outFile, output);
    } catch (error) {
      io.stderr.write(`newsbrief brief: cannot write ${values.out}: ${writeProblem(error)}\n`);
      return 1;
    }
    io.stderr.write(`newsbrief: wrote ${values.out} (${format}, ${briefing.articles.length} articles)\n`);
  } else {
    io.stdout.write(output);
  }
  return 0;
};

/** `--granularity event|topic` (undefined: the default, event). */
export function parseGranularity(value: string | undefined): "event" | "topic" | undefined {
  if (value === undefined || value === "event" || value === "topic") return value;
  throw new UsageError(`unknown granularity "${value}"; use event or topic`);
}

function chooseFormat(flag: string | undefined, out: string | undefined, tty: boolean): Format {
  if (flag) {
    const f = flag === "markdown" ? "md" : flag === "txt" ? "text" : flag;
    if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown format "${flag}"; use one of ${FORMATS.join(", ")}`);
    return f as Format;
  }
  if (out) {
    const ext = path.extname(out).toLowerCase();
    if (ext === ".md" || ext === ".markdown") return "md";
    if (ext === ".html" || ext === ".htm") return "html";
    if (ext === ".json") return "json";
    return "text";
  }
  return tty ? "text" : "json";
}
