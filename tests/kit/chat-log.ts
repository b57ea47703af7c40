// One private chat as Telegram keeps it: the bot's messages (edits applied, deletions removed), the
// reply keyboard on offer, the callback answers and every Bot API call made for this chat.
import type { InlineKeyboardButton, KeyboardButton, Message } from "grammy/types";
import { htmlToText } from "./telegram-html.js";

export interface BotApiCall {
  method: string;
  payload: Record<string, unknown>;
}

/** A message of the bot as the person sees it. */
export interface ChatMessage {
  id: number;
  /** What the person reads: HTML tags dropped, entities decoded. */
  text: string;
  /** The text as sent, when it was sent in HTML parse mode. */
  html?: string;
  /** Labels of the inline buttons, row by row. */
  inlineButtons: string[][];
  /** Labels of the reply keyboard this message brought, row by row. */
  replyKeyboard?: string[][] | undefined;
  edited: boolean;
}

/** What the kit keeps of a bot message: the Message Telegram would return, and how it shows. */
export interface StoredMessage {
  message: Message;
  /** The raw text or caption, and its parse mode. */
  raw: string;
  parseMode: string | undefined;
  inline: InlineKeyboardButton[][];
  replyKeyboard: KeyboardButton[][] | undefined;
  edited: boolean;
  deleted: boolean;
}

export const buttonLabel = (button: KeyboardButton | InlineKeyboardButton) =>
  typeof button === "string" ? button : button.text;

function shownText(raw: string, parseMode: string | undefined): string {
  return parseMode?.toUpperCase() === "HTML" ? htmlToText(raw) : raw;
}

export class ChatLog {
  readonly calls: BotApiCall[] = [];
  readonly stored: StoredMessage[] = [];
  readonly callbackAnswers: string[] = [];
  /** The reply keyboard on offer (the latest one sent, until one removes it). */
  replyKeyboard: KeyboardButton[][] | undefined;
  /** The person blocked the bot: every call for this chat fails with 403. */
  blocked = false;
  private lastMessageId = 0;

  constructor(
    readonly chatId: number,
    public firstName: string,
  ) {}

  /** Message ids of a private chat are one sequence for both sides. */
  nextMessageId(): number {
    return ++this.lastMessageId;
  }

  find(messageId: unknown): StoredMessage | undefined {
    return this.stored.find((item) => item.message.message_id === Number(messageId) && !item.deleted);
  }

  messages(): ChatMessage[] {
    return this.stored
      .filter((item) => !item.deleted)
      .map((item) => ({
        id: item.message.message_id,
        text: shownText(item.raw, item.parseMode),
        ...(item.parseMode?.toUpperCase() === "HTML" ? { html: item.raw } : {}),
        inlineButtons: item.inline.map((row) => row.map(buttonLabel)),
        replyKeyboard: item.replyKeyboard?.map((row) => row.map(buttonLabel)),
        edited: item.edited,
      }));
  }

  /** The latest message that shows inline buttons. */
  latestWithButtons(): StoredMessage | undefined {
    return this.stored.findLast((item) => !item.deleted && item.inline.some((row) => row.length > 0));
  }
}
