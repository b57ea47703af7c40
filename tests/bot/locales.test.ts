// Every key the bot's code uses exists in every locale, the locales have the same keys as en.ftl,
// and en.ftl holds no key that no code uses.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { commandNames, localesDirectory } from "@habits/bot";
import { describe, expect, it } from "vitest";

const sourceDirectory = dirname(localesDirectory);
const keyPattern = "[a-z][a-z0-9]*(?:-[a-z0-9]+)+";

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

interface Locale {
  /** Message id → the variables its text uses. */
  messages: Map<string, Set<string>>;
  /** Lines at the top level that are neither a message, a comment nor blank (Fluent would drop them). */
  junk: string[];
}

function readLocale(file: string): Locale {
  const messages = new Map<string, Set<string>>();
  const junk: string[] = [];
  let current: Set<string> | undefined;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const entry = /^([a-zA-Z][\w-]*)\s*=(.*)$/.exec(line);
    if (entry?.[1]) {
      if (messages.has(entry[1])) junk.push(`duplicate ${entry[1]}`);
      current = new Set();
      messages.set(entry[1], current);
    } else if (/^\S/.test(line) && !line.startsWith("#")) {
      junk.push(line);
      current = undefined;
    }
    for (const variable of line.matchAll(/\{\s*\$([a-zA-Z][\w-]*)/g)) current?.add(variable[1] ?? "");
  }
  return { messages, junk };
}

const code = sourceFiles(sourceDirectory).map((file) => ({
  file: relative(sourceDirectory, file),
  text: readFileSync(file, "utf8"),
}));
const locales = Object.fromEntries(
  readdirSync(localesDirectory)
    .filter((name) => name.endsWith(".ftl"))
    .map((name) => [name.replace(/\.ftl$/, ""), readLocale(join(localesDirectory, name))]),
);
const en = locales.en?.messages ?? new Map<string, Set<string>>();

/** Keys the code names where a key is expected: `t("key"`, `t(language, "key"`, `t(x ? "a" : "b"`, `key: "…"`, `cmd-<command>`. */
function keysUsedByCode(): Map<string, string> {
  const used = new Map<string, string>();
  const patterns = [
    new RegExp(`\\bt\\(\\s*(?:[\\w.]+\\s*,\\s*)?["'](${keyPattern})["']`, "g"),
    new RegExp(`\\bt\\(\\s*[^(),]*\\?\\s*["'](${keyPattern})["']\\s*:\\s*["'](${keyPattern})["']`, "g"),
    new RegExp(`\\bkey:\\s*["'](${keyPattern})["']`, "g"),
  ];
  for (const { file, text } of code) {
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) for (const key of match.slice(1)) if (key) used.set(key, file);
    }
  }
  for (const command of commandNames) used.set(`cmd-${command}`, "telegram/commands.ts");
  return used;
}

/** Any string literal that is a key (passed on through a helper), and prefixes of keys built in templates. */
function keysMentionedAnywhere(): { literals: Set<string>; prefixes: Set<string> } {
  const literals = new Set<string>();
  const prefixes = new Set<string>();
  for (const { text } of code) {
    for (const match of text.matchAll(new RegExp(`["'\`](${keyPattern})["'\`]`, "g"))) literals.add(match[1] ?? "");
    for (const match of text.matchAll(/`([a-z][a-z0-9-]*-)\$\{/g)) prefixes.add(match[1] ?? "");
  }
  return { literals, prefixes };
}

describe("locale files", () => {
  it("are en, ru and kk, and parse", () => {
    expect(Object.keys(locales).sort()).toEqual(["en", "kk", "ru"]);
    for (const [name, locale] of Object.entries(locales)) expect(locale.junk, `${name}.ftl`).toEqual([]);
  });

  it("have every key the code uses, in every locale", () => {
    const used = keysUsedByCode();
    expect(used.size).toBeGreaterThan(20);
    const missing = Object.entries(locales).flatMap(([name, locale]) =>
      [...used].filter(([key]) => !locale.messages.has(key)).map(([key, file]) => `${name}.ftl lacks ${key} (${file})`),
    );
    expect(missing).toEqual([]);
  });

  it("have the keys of en.ftl, no fewer and no more", () => {
    const problems = Object.entries(locales).flatMap(([name, locale]) => [
      ...[...en.keys()].filter((key) => !locale.messages.has(key)).map((key) => `${name}.ftl lacks ${key}`),
      ...[...locale.messages.keys()].filter((key) => !en.has(key)).map((key) => `${name}.ftl has ${key}, en.ftl not`),
    ]);
    expect(problems).toEqual([]);
  });

  it("use only the variables en.ftl gives each message", () => {
    const problems = Object.entries(locales).flatMap(([name, locale]) =>
      [...locale.messages].flatMap(([key, variables]) =>
        [...variables]
          .filter((variable) => en.has(key) && !en.get(key)?.has(variable))
          .map((variable) => `${name}.ftl ${key} uses $${variable}`),
      ),
    );
    expect(problems).toEqual([]);
  });

  it("hold no key in en.ftl that no code uses", () => {
    const used = keysUsedByCode();
    const { literals, prefixes } = keysMentionedAnywhere();
    const unused = [...en.keys()].filter(
      (key) => !used.has(key) && !literals.has(key) && ![...prefixes].some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });
});
