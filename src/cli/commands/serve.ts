import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { UsageError } from "../args.js";
import type { Command } from "../io.js";
import { isLoopback } from "../../server/security.js";
import { startServer } from "../../server/start.js";

export const SERVE_HELP = `Usage: newsbrief serve [options]

Runs the living briefing service: a JSON API under /api (OpenAPI at /api/openapi.json) and
plain pages to read stories, search, and add articles and feeds. Data lives in one SQLite file.

Options:
  --db <file>          database file (default ./newsbrief.db; created when missing)
  --host <address>     address to listen on (default 127.0.0.1); any other address needs
                       --token-file, and writes then need "Authorization: Bearer <token>"
  --port <n>           port (default 8750; 0 picks a free one)
  --token-file <file>  file holding the bearer token that writes must present
  --allow-hosts <list> hosts, IPs or CIDR ranges (comma-separated) that posted URLs and feeds
                       may reach although private or loopback, e.g. 127.0.0.1 for local
                       testing (also $NEWSBRIEF_FETCH_ALLOW); by default only public
                       addresses are fetched. Fetched pages are cached in
                       $NEWSBRIEF_CACHE_DIR (default ~/.cache/newsbrief/http; "off": none)
  --grouping <name>    how arriving articles are grouped into stories: story-index (default;
                       the incremental grouping of \`newsbrief stories\`, stories merge as
                       later articles link them), title-words (articles whose titles share
                       content words), single (one story)
  -h, --help           show this help
`;

const GROUPINGS = ["story-index", "title-words", "single"];

/** `newsbrief serve`: listens until SIGINT/SIGTERM, then closes the server and the database. */
export const serveCommand: Command = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: "string" },
      host: { type: "string" },
      port: { type: "string" },
      "token-file": { type: "string" },
      "allow-hosts": { type: "string" },
      grouping: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(SERVE_HELP);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const host = values.host ?? "127.0.0.1";
  const port = values.port === undefined ? 8750 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}"`);
  let token: string | undefined;
  if (values["token-file"]) {
    const file = path.resolve(io.cwd, values["token-file"]);
    try {
      token = (await readFile(file, "utf8")).trim();
    } catch (error) {
      throw new UsageError(`cannot read --token-file ${values["token-file"]}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    if (token.length < 16) throw new UsageError(`the token in ${values["token-file"]} is too short: use at least 16 characters`);
  }
  if (!isLoopback(host) && !token) throw new UsageError(`refusing to listen on ${host} without --token-file: anyone on the network could write`);
  const dbPath = path.resolve(io.cwd, values.db ?? "newsbrief.db");
  const allowHosts = (values["allow-hosts"] ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  const grouping = values.grouping ?? "story-index";
  if (!GROUPINGS.includes(grouping)) throw new UsageError(`--grouping must be one of ${GROUPINGS.join(", ")}, not "${grouping}"`);
  const server = await startServer({ dbPath, host, port, token, grouping, web: { allowHosts }, log: (line) => io.stderr.write(`${line}\n`) });
  io.stdout.write(`newsbrief serve: ${server.url}/ (data in ${dbPath})${token ? " · writes need the bearer token" : ""}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  io.stderr.write("newsbrief serve: shutting down\n");
  await server.close();
  return 0;
};
