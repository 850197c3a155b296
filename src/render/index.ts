import type { Briefing } from "../types/index.js";
import { renderHtml } from "./html.js";
import { renderJson } from "./json.js";
import { renderMarkdown } from "./markdown.js";
import { renderText } from "./text.js";

export const FORMATS = ["text", "md", "html", "json"] as const;
export type Format = (typeof FORMATS)[number];

export function render(briefing: Briefing, format: Format, width?: number): string {
  switch (format) {
    case "text":
      return renderText(briefing, width);
    case "md":
      return renderMarkdown(briefing);
    case "html":
      return renderHtml(briefing);
    case "json":
      return renderJson(briefing);
    default:
      throw new RangeError(`NB-E005: unknown format "${String(format)}"; use one of ${FORMATS.join(", ")}`);
  }
}
