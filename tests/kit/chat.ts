// `pnpm chat`: talk to the real bot in a terminal, no token needed. The bot and a real SQLite
// database (./data/chat.db by default) run behind the kit's fake Telegram; lines come from stdin,
// so it can be scripted: printf '/start\n1\n' | pnpm chat
import { createInterface } from "node:readline";
import { createDatabase, parseDatabaseUrl } from "@habits/db";
import { createLogger, systemRandom } from "@habits/runtime";
import { ChatScreen } from "./chat-screen.js";
import { createTelegramKit } from "./telegram-kit.js";

const usage = `pnpm chat [--db <file | postgres://...>] [--user <telegram id>]   (or CHAT_DB=...)

  text, /command      send it
  1, 2, ...           tap the numbered inline button
  r1, r2, ...         press a reply-keyboard button
  loc <lat> <lon>     share a location (e.g. loc 43.24 76.89)
  :lang <code>        your Telegram language (set it before /start)
  :help, :quit`;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  if (process.argv.includes("--help")) {
    console.log(usage);
    return;
  }
  const where = option("db") ?? process.env.CHAT_DB ?? "data/chat.db";
  const url = /^(file:|postgres)/.test(where) ? where : `file:${where}`;
  const database = createDatabase(parseDatabaseUrl(url, process.cwd()));
  await database.migrate();
  const kit = await createTelegramKit({
    // The real clock: days and streaks follow the calendar.
    clock: { now: () => new Date(), set: () => undefined },
    random: systemRandom,
    database: { database },
    logger: createLogger({ level: "warn", pretty: true, destination: process.stderr }),
  });
  const user = kit.user({ id: Number(option("user") ?? 1001), firstName: process.env.USER || "You" });
  const write = (text: string) => process.stdout.write(text);
  const screen = new ChatScreen(user, write);
  const interactive = Boolean(process.stdin.isTTY);
  write(`Chatting with @${kit.bot.bot.botInfo.username} on ${url}. :help lists what you can type.\n`);

  const lines = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  const prompt = () => interactive && lines.prompt();
  lines.setPrompt("you › ");
  prompt();
  for await (const raw of lines) {
    const line = raw.trim();
    if (!interactive && line) write(`› ${line}\n`);
    if (line === ":quit") break;
    try {
      await act(line);
    } catch (error) {
      write(`⚠  ${(error as Error).message}\n`);
    }
    screen.update();
    prompt();
  }
  lines.close();
  await kit.close();
  await database.close();

  async function act(line: string): Promise<void> {
    const location = /^loc\s+(-?[\d.]+)[\s,]+(-?[\d.]+)$/.exec(line);
    const language = /^:lang\s+(\S+)$/.exec(line);
    if (line === "") return;
    if (line === ":help") write(`${usage}\n`);
    else if (language) {
      user.setLanguage(language[1]);
      write(`(your Telegram language is now ${language[1]})\n`);
    } else if (/^\d+$/.test(line)) await user.tapNumber(Number(line));
    else if (/^r\d+$/.test(line)) {
      const label = user.replyButtons()[Number(line.slice(1)) - 1];
      if (label === undefined) throw new Error(`no reply button ${line}: ${JSON.stringify(user.replyButtons())}`);
      await user.pressReplyButton(label);
    } else if (location) await user.shareLocation(Number(location[1]), Number(location[2]));
    else await user.send(line);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
