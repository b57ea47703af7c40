// What `pnpm chat` prints: the bot's new messages, edits as edits, deletions, callback answers as
// toasts, inline buttons numbered (on the message `1`, `2`... tap) and the reply keyboard (`r1`...).
import type { ChatMessage } from "./chat-log.js";
import type { TelegramUser } from "./telegram-user.js";

const indent = (text: string, prefix: string) =>
  text
    .split("\n")
    .map((line) => prefix + line)
    .join("\n");

function keyboardLines(message: ChatMessage, numbered: boolean): string[] {
  let number = 0;
  const lines = message.inlineButtons.map((row) =>
    row.map((label) => (numbered ? `[${++number} ${label}]` : `[${label}]`)).join(" "),
  );
  if (message.replyKeyboard) {
    let reply = 0;
    lines.push(
      `⌨  ${message.replyKeyboard
        .flat()
        .map((label) => `r${++reply} ${label}`)
        .join(" · ")}`,
    );
  }
  return lines;
}

export class ChatScreen {
  private shown = new Map<number, string>();
  private answersShown = 0;

  constructor(
    private readonly user: TelegramUser,
    private readonly write: (text: string) => void,
  ) {}

  /** Prints what changed in the chat since the last call. */
  update(): void {
    const messages = this.user.messages();
    const tappable = messages.findLast((message) => message.inlineButtons.flat().length > 0)?.id;
    const present = new Set<number>();
    for (const message of messages) {
      present.add(message.id);
      const signature = JSON.stringify([message.text, message.inlineButtons, message.replyKeyboard]);
      const before = this.shown.get(message.id);
      if (before === signature) continue;
      this.shown.set(message.id, signature);
      const head = before === undefined ? "🤖" : `🤖 ✎ edited (message ${message.id}):`;
      const body = [message.text, ...keyboardLines(message, message.id === tappable)].join("\n");
      this.write(`${head}\n${indent(body, "   ")}\n`);
    }
    for (const id of this.shown.keys()) {
      if (present.has(id)) continue;
      this.shown.delete(id);
      this.write(`🗑  message ${id} deleted\n`);
    }
    const answers = this.user.callbackAnswers();
    for (const answer of answers.slice(this.answersShown)) if (answer) this.write(`💬 ${answer}\n`);
    this.answersShown = answers.length;
  }
}
