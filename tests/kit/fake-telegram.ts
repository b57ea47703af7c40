// The Bot API behind the bot's injected `client.fetch`: answers every method as Telegram would
// (including its refusals: bad HTML, unchanged edits, double callback answers, blocked users), and
// records every call, per chat.
import type { BotDependencies } from "@habits/bot";
import type { InlineKeyboardButton, KeyboardButton, Message, UserFromGetMe } from "grammy/types";
import { type BotApiCall, ChatLog, type StoredMessage } from "./chat-log.js";
import { readMultipart } from "./multipart.js";
import { htmlError, htmlToText } from "./telegram-html.js";

type Payload = Record<string, unknown>;
type Answer = { ok: true; result: unknown } | { ok: false; error_code: number; description: string };

class TelegramRefusal extends Error {
  constructor(
    readonly code: number,
    description: string,
  ) {
    super(description);
  }
}

const badRequest = (description: string) => new TelegramRefusal(400, `Bad Request: ${description}`);

export interface FakeTelegram {
  /** For createBot({ fetch }). */
  fetch: NonNullable<BotDependencies["fetch"]>;
  /** Every call, in order. */
  calls: BotApiCall[];
  /** The chat with a person (its id is theirs), opened when they first appear. */
  chat(chatId: number): ChatLog;
  /** Remembers a callback query sent to the bot, so its answer can be checked and attributed. */
  expectCallbackAnswer(queryId: string, chatId: number): void;
  wasAnswered(queryId: string): boolean;
  /** The next call of this method for this chat fails with this error (Telegram down, say). */
  failNext(chatId: number, method: string, code: number, description: string): void;
  /** The next call of this method for this chat never reaches Telegram: the request itself fails. */
  breakNext(chatId: number, method: string): void;
}

export function createFakeTelegram(botInfo: UserFromGetMe, now: () => Date): FakeTelegram {
  const calls: BotApiCall[] = [];
  const chats = new Map<number, ChatLog>();
  const queries = new Map<string, { chatId: number; answered: boolean }>();
  // A refusal is Telegram's answer; a TypeError is what fetch throws when the network fails.
  const failures: Array<{ chatId: number; method: string; refusal: TelegramRefusal | TypeError }> = [];
  const unixNow = () => Math.floor(now().getTime() / 1000);
  const botUser = { id: botInfo.id, is_bot: true as const, first_name: botInfo.first_name, username: botInfo.username };

  function chatFor(payload: Payload): ChatLog {
    const chat = chats.get(Number(payload.chat_id));
    if (!chat) throw badRequest("chat not found");
    if (chat.blocked) throw new TelegramRefusal(403, "Forbidden: bot was blocked by the user");
    return chat;
  }

  function checkText(text: unknown, parseMode: unknown, field = "message text"): string {
    if (typeof text !== "string" || text.trim() === "") throw badRequest(`${field} is empty`);
    if (String(parseMode).toUpperCase() === "HTML") {
      const error = htmlError(text);
      if (error) throw badRequest(`can't parse entities: ${error}`);
    }
    const length = [...(String(parseMode).toUpperCase() === "HTML" ? htmlToText(text) : text)].length;
    if (length > (field === "caption" ? 1024 : 4096)) throw badRequest(`${field} is too long`);
    return text;
  }

  /** The inline keyboard of a reply_markup, checked as Telegram checks it. */
  function inlineKeyboard(markup: unknown): InlineKeyboardButton[][] {
    const rows = (markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined)?.inline_keyboard;
    if (!rows) return [];
    for (const button of rows.flat()) {
      if (!button.text) throw badRequest("text buttons are unallowed in the inline keyboard");
      if ("callback_data" in button) {
        const size = new TextEncoder().encode(button.callback_data).length;
        if (size < 1 || size > 64) throw badRequest("BUTTON_DATA_INVALID");
      }
    }
    return rows;
  }

  function send(payload: Payload, content: { raw: string; parseMode: string | undefined; extra: Payload }): Message {
    const chat = chatFor(payload);
    const inline = inlineKeyboard(payload.reply_markup);
    const markup = payload.reply_markup as
      | { keyboard?: KeyboardButton[][]; remove_keyboard?: boolean; inline_keyboard?: unknown }
      | undefined;
    const message = {
      message_id: chat.nextMessageId(),
      from: botUser,
      chat: { id: chat.chatId, type: "private" as const, first_name: chat.firstName },
      date: unixNow(),
      ...content.extra,
      ...(inline.length > 0 ? { reply_markup: { inline_keyboard: inline } } : {}),
    } as Message;
    if (markup?.keyboard) chat.replyKeyboard = markup.keyboard;
    if (markup?.remove_keyboard) chat.replyKeyboard = undefined;
    chat.stored.push({
      message,
      raw: content.raw,
      parseMode: content.parseMode,
      inline,
      replyKeyboard: markup?.keyboard,
      edited: false,
      deleted: false,
    });
    return message;
  }

  /** The message an edit targets; edits of inline messages have no chat to show them in. */
  function editTarget(payload: Payload): StoredMessage | undefined {
    if (payload.inline_message_id !== undefined) return undefined;
    const stored = chatFor(payload).find(payload.message_id);
    if (!stored) throw badRequest("message to edit not found");
    return stored;
  }

  /** An edit of the text (or caption) and the inline keyboard; without `content`, of the keyboard only. */
  function applyEdit(
    stored: StoredMessage,
    content: { field: "text" | "caption"; raw: string; parseMode: string | undefined } | undefined,
    markup: unknown,
  ): Message {
    if (content && (content.field === "text") !== "text" in stored.message) {
      throw badRequest(`there is no ${content.field} in the message to edit`);
    }
    const inline = inlineKeyboard(markup);
    const raw = content?.raw ?? stored.raw;
    const parseMode = content ? content.parseMode : stored.parseMode;
    const unchanged =
      stored.raw === raw && stored.parseMode === parseMode && JSON.stringify(stored.inline) === JSON.stringify(inline);
    if (unchanged) {
      throw badRequest(
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    const { reply_markup: _old, ...rest } = stored.message as Message & { reply_markup?: unknown };
    stored.message = {
      ...rest,
      ...(content ? { [content.field]: plain(raw, parseMode) } : {}),
      edit_date: unixNow(),
      ...(inline.length > 0 ? { reply_markup: { inline_keyboard: inline } } : {}),
    } as Message;
    Object.assign(stored, { raw, parseMode, inline, edited: true });
    return stored.message;
  }

  function plain(raw: string, parseMode: unknown) {
    return parseMode && String(parseMode).toUpperCase() === "HTML" ? htmlToText(raw) : raw;
  }

  function handle(method: string, payload: Payload): unknown {
    const parseMode = payload.parse_mode === undefined ? undefined : String(payload.parse_mode);
    switch (method) {
      case "getMe":
        return botInfo;
      case "sendMessage": {
        const raw = checkText(payload.text, parseMode);
        return send(payload, { raw, parseMode, extra: { text: plain(raw, parseMode) } });
      }
      case "editMessageText": {
        const raw = checkText(payload.text, parseMode);
        const stored = editTarget(payload);
        return stored ? applyEdit(stored, { field: "text", raw, parseMode }, payload.reply_markup) : true;
      }
      case "editMessageCaption": {
        const raw = payload.caption === undefined ? "" : checkText(payload.caption, parseMode, "caption");
        const stored = editTarget(payload);
        return stored ? applyEdit(stored, { field: "caption", raw, parseMode }, payload.reply_markup) : true;
      }
      case "editMessageReplyMarkup": {
        const stored = editTarget(payload);
        return stored ? applyEdit(stored, undefined, payload.reply_markup) : true;
      }
      case "deleteMessage":
      case "deleteMessages": {
        const chat = chatFor(payload);
        const ids = method === "deleteMessage" ? [payload.message_id] : (payload.message_ids as unknown[]);
        for (const id of ids) {
          const stored = chat.find(id);
          if (!stored && method === "deleteMessage") throw badRequest("message to delete not found");
          if (stored) stored.deleted = true;
        }
        return true;
      }
      case "answerCallbackQuery": {
        const query = queries.get(String(payload.callback_query_id));
        if (!query || query.answered) {
          throw badRequest("query is too old and response timeout expired or query ID is invalid");
        }
        if (typeof payload.text === "string" && [...payload.text].length > 200) throw badRequest("MESSAGE_TOO_LONG");
        query.answered = true;
        chats.get(query.chatId)?.callbackAnswers.push(typeof payload.text === "string" ? payload.text : "");
        return true;
      }
      case "sendChatAction":
        chatFor(payload);
        return true;
      case "getChat": {
        const chat = chatFor(payload);
        return { id: chat.chatId, type: "private", first_name: chat.firstName };
      }
      case "getUpdates":
      case "getMyCommands":
        return [];
      case "getWebhookInfo":
        return { url: "", has_custom_certificate: false, pending_update_count: 0 };
      case "copyMessage":
        return { message_id: chatFor(payload).nextMessageId() };
      default: {
        // Any other send* (documents, photos, locations...) is a message in the chat.
        const kind = /^send([A-Z]\w*)$/.exec(method)?.[1]?.toLowerCase();
        if (!kind) return true;
        const caption = typeof payload.caption === "string" ? checkText(payload.caption, parseMode, "caption") : "";
        const raw = caption || `[${kind}]`;
        const extra = { [kind]: payload[kind] ?? {}, ...(caption ? { caption: plain(caption, parseMode) } : {}) };
        return send(payload, { raw, parseMode: caption ? parseMode : undefined, extra });
      }
    }
  }

  async function answer(url: string, init: RequestInit | undefined): Promise<Answer> {
    const method = url.split("/").at(-1) ?? "";
    const payload = await readPayload(init);
    const call = { method, payload };
    calls.push(call);
    const chatId = payload.chat_id ?? queries.get(String(payload.callback_query_id))?.chatId;
    if (chatId !== undefined) chats.get(Number(chatId))?.calls.push(call);
    try {
      const failure = failures.findIndex((item) => item.method === method && item.chatId === Number(chatId));
      if (failure >= 0) throw failures.splice(failure, 1)[0]?.refusal;
      if (hasBrokenCharacter(payload)) throw badRequest("strings must be encoded in UTF-8");
      return { ok: true, result: handle(method, payload) };
    } catch (error) {
      if (!(error instanceof TelegramRefusal)) throw error;
      return { ok: false, error_code: error.code, description: error.message };
    }
  }

  const fetch = async (input: unknown, init?: unknown) => {
    const body = await answer(String(input), init as RequestInit | undefined);
    return new Response(JSON.stringify(body), {
      status: body.ok ? 200 : body.error_code,
      headers: { "content-type": "application/json" },
    });
  };

  return {
    fetch: fetch as unknown as FakeTelegram["fetch"],
    calls,
    chat(chatId) {
      let chat = chats.get(chatId);
      if (!chat) {
        chat = new ChatLog(chatId, "");
        chats.set(chatId, chat);
      }
      return chat;
    },
    expectCallbackAnswer(queryId, chatId) {
      queries.set(queryId, { chatId, answered: false });
    },
    wasAnswered: (queryId) => queries.get(queryId)?.answered ?? false,
    failNext(chatId, method, code, description) {
      failures.push({ chatId, method, refusal: new TelegramRefusal(code, description) });
    },
    breakNext(chatId, method) {
      failures.push({ chatId, method, refusal: new TypeError("fetch failed", { cause: new Error("ECONNRESET") }) });
    },
  };
}

/** Half of a surrogate pair (text cut in the middle of an emoji) is not UTF-8: Telegram refuses it. */
function hasBrokenCharacter(value: unknown): boolean {
  if (typeof value === "string")
    return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
  if (value && typeof value === "object") return Object.values(value).some(hasBrokenCharacter);
  return false;
}

async function readPayload(init: RequestInit | undefined): Promise<Payload> {
  const body = init?.body;
  if (body === undefined || body === null) return {};
  if (typeof body === "string") return JSON.parse(body) as Payload;
  const contentType = new Headers(init?.headers).get("content-type") ?? "";
  return readMultipart(body as unknown as AsyncIterable<Uint8Array>, contentType);
}
