import { VERSION } from "../core/version.js";
import { attachNegativeValues, UsageError } from "./args.js";
import { processIo, type Command, type Io } from "./io.js";

/** Loads a command's module only when it runs, so `brief` does not pay for the server or ROUGE at start-up. */
const lazy =
  (load: () => Promise<Command>): Command =>
  async (argv, io) =>
    (await load())(argv, io);

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  brief: { run: lazy(async () => (await import("./commands/brief.js")).briefCommand), summary: "brief a pile of articles: summary, citations, sources" },
  stories: { run: lazy(async () => (await import("./commands/stories.js")).storiesCommand), summary: "separate a pile of articles into stories; print the grouping only" },
  extract: { run: lazy(async () => (await import("./commands/extract.js")).extract), summary: "extract the article (title, author, date, text) from HTML pages" },
  eval: { run: lazy(async () => (await import("./commands/eval.js")).evalCommand), summary: "score summarisers on a benchmark dataset with ROUGE-1.5.5" },
  serve: { run: lazy(async () => (await import("./commands/serve.js")).serveCommand), summary: "run the briefing service: JSON API and web pages on SQLite" },
};

const HELP = `newsbrief ${VERSION}: turns a pile of news articles into a short, sourced briefing.

Usage: newsbrief <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
  .join("\n")}

Run \`newsbrief <command> --help\` for a command's options.
`;

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "-h" || name === "--help" || name === "help") {
    io.stdout.write(HELP);
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`newsbrief: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  try {
    return await command.run(attachNegativeValues(rest), io);
  } catch (error) {
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr.write(`newsbrief ${name}: ${(error as Error).message}\nRun \`newsbrief ${name} --help\` for usage.\n`);
      return 2;
    }
    io.stderr.write(`newsbrief ${name}: ${(error as Error).message}\n`);
    if (io.env.NEWSBRIEF_DEBUG) io.stderr.write(`${(error as Error).stack}\n`);
    return 1;
  }
}
