import { Fetcher, fetchOptionsFromEnv, parseSince } from "../fetch/index.js";
import { UsageError } from "./args.js";

/** The options of every command that reads URLs and feeds (`brief`, `stories`), for `parseArgs`. */
export const FETCH_ARGS = {
  feed: { type: "string", multiple: true },
  since: { type: "string" },
  allow: { type: "string" },
  "user-agent": { type: "string" },
  "no-cache": { type: "boolean" },
} as const;

export const FETCH_HELP = `  --feed <url>        a feed to read (repeatable); same as giving its URL as an input
  --since <when>      feeds: only items newer than 2d, 12h, 1w or a date (2025-09-01)
  --allow <hosts>     comma-separated hosts/IPs/CIDRs that may be fetched although private
  --user-agent <ua>   User-Agent for fetching (also NEWSBRIEF_USER_AGENT)
  --no-cache          do not read or write the HTTP cache (~/.cache/newsbrief/http)
`;

interface FetchArgValues {
  since?: string;
  allow?: string;
  "user-agent"?: string;
  "no-cache"?: boolean;
}

/** The fetcher and feed cut-off the options ask for (the caller closes the fetcher). */
export function fetchSetup(values: FetchArgValues, env: Record<string, string | undefined>): { fetcher: Fetcher; since?: Date } {
  let since: Date | undefined;
  try {
    since = values.since ? parseSince(values.since) : undefined;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const fromEnv = fetchOptionsFromEnv(env);
  const allow = (values.allow ?? "").split(",").map((x) => x.trim()).filter(Boolean);
  const fetcher = new Fetcher({ ...fromEnv, allowList: [...(fromEnv.allowList ?? []), ...allow], userAgent: values["user-agent"] ?? fromEnv.userAgent, cacheDir: values["no-cache"] ? false : fromEnv.cacheDir });
  return { fetcher, since };
}
