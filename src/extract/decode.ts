export interface DecodedHtml { html: string; charset: string; messages: { severity: "error" | "warning" | "info"; ruleId: string; reason: string }[] }
export function decodeHtmlBytes(bytes: Uint8Array): DecodedHtml { return { html: new TextDecoder().decode(bytes), charset: "utf-8", messages: [] }; }
