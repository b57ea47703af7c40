// Reads the multipart/form-data body grammY sends when a call uploads a file (a data export, say):
// the fields as they would have been in JSON, each `attach://` file replaced by its name and text.

interface UploadedFile {
  filename: string;
  /** The file's bytes as UTF-8 text (exports are text). */
  content: string;
}

export async function readMultipart(
  body: AsyncIterable<Uint8Array>,
  contentType: string,
): Promise<Record<string, unknown>> {
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
  if (!boundary) return {};
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString("utf8");
  const fields: Record<string, unknown> = {};
  const files = new Map<string, UploadedFile>();
  for (const part of text.split(`--${boundary}`)) {
    const split = part.indexOf("\r\n\r\n");
    if (split < 0) continue;
    const headers = part.slice(0, split);
    const value = part.slice(split + 4).replace(/\r\n$/, "");
    const name = /name="([^"]*)"/.exec(headers)?.[1];
    if (!name) continue;
    // grammY writes the file name unquoted (`filename=habits-export.json`); browsers quote it.
    const filename = /filename=(?:"([^"]*)"|([^;\r\n]*))/
      .exec(headers)
      ?.slice(1)
      .find((part) => part !== undefined);
    if (filename !== undefined) files.set(name, { filename, content: value });
    else fields[name] = parseField(name, value);
  }
  const attach = (value: unknown): unknown => {
    if (typeof value === "string" && value.startsWith("attach://")) return files.get(value.slice(9)) ?? value;
    if (Array.isArray(value)) return value.map(attach);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, attach(inner)]));
    }
    return value;
  };
  return attach(fields) as Record<string, unknown>;
}

/** grammY writes objects as JSON and everything else as text; ids were numbers. */
function parseField(name: string, value: string): unknown {
  if (/^[[{]/.test(value) || (name.endsWith("_id") && /^-?\d+$/.test(value))) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}
