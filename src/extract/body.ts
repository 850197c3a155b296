/** Main-text extraction: Mozilla Readability over the (pre-cleaned) document, with fallbacks. */
import { Readability } from "@mozilla/readability";
import { nodeToText } from "./text.js";

export interface BodyResult {
  text: string;
  strategy: string;
  title?: string;
  byline?: string;
}

export function readabilityBody(doc: Document): BodyResult | undefined {
  const reader = new Readability<Node>(doc, { serializer: (n) => n, charThreshold: 300 });
  const article = reader.parse();
  if (!article || !article.content) return undefined;
  return { text: nodeToText(article.content), strategy: "readability", title: article.title ?? undefined, byline: article.byline ?? undefined };
}
