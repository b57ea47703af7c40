// Messages that show a secret (a login code, a new API key) are sent through here. When Telegram
// refuses one or the network fails, the error that leaves carries the method, Telegram's error code
// and description, never the text: whoever logs it, wraps it or keeps it cannot leak the secret.
// (The logger drops request payloads from every error too; this path does not depend on it.)
import { type Api, type Context, GrammyError, HttpError } from "grammy";
import type { Message } from "grammy/types";
import { telegramRefusalIn } from "./telegram-refusal.js";

type SendOptions = Parameters<Api["sendMessage"]>[2];

const method = "sendMessage";

export async function sendSecret(
  api: Api,
  chatId: number,
  text: string,
  options?: SendOptions,
): Promise<Message.TextMessage> {
  try {
    return await api.sendMessage(chatId, text, options);
  } catch (error) {
    throw withoutText(error);
  }
}

/** sendSecret to the chat of the update, as ctx.reply sends to it. */
export function replySecret(ctx: Context, text: string, options?: SendOptions): Promise<Message.TextMessage> {
  const chatId = ctx.chatId;
  if (chatId === undefined) return Promise.reject(new Error("a secret needs a chat to be sent to"));
  return sendSecret(ctx.api, chatId, text, options);
}

/**
 * The same failure without the request: a GrammyError stays one (the error boundary still sees a
 * 403 as a blocked bot), with an empty payload; anything else keeps only its type and message.
 */
function withoutText(error: unknown): Error {
  const refusal = telegramRefusalIn(error);
  if (refusal) {
    const { error_code, description, parameters } = refusal;
    return new GrammyError(
      `Call to '${refusal.method}' failed!`,
      { ok: false, error_code, description, parameters },
      refusal.method,
      {},
    );
  }
  if (error instanceof HttpError) return new HttpError(error.message, summary(error.error));
  return new Error(`${method} of a secret failed`, { cause: summary(error) });
}

/** An error's type and message, nothing it holds besides. */
function summary(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(typeof error);
  const copy = new Error(error.message);
  copy.name = error.name;
  return copy;
}
