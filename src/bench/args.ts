import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** A bench script's options; `--help` prints its usage, and an unknown or malformed option its usage on stderr with exit code 2 (no stack trace). */
export function benchArgs<T extends Options>(options: T, usage: string): ReturnType<typeof parseArgs<{ options: T }>>["values"] {
  if (process.argv.slice(2).some((a) => a === "--help" || a === "-h")) {
    process.stdout.write(`usage: ${usage}\n`);
    process.exit(0);
  }
  try {
    return parseArgs({ options }).values;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\nusage: ${usage}\n`);
    process.exit(2);
  }
}
