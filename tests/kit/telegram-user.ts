// A person in a private chat with the bot: what they can do (write, run a command, share a
// location, tap buttons) and what they see. Each action resolves once the bot has handled it.
import type { Message, Update, User } from "grammy/types";
import { type BotApiCall, buttonLabel, type ChatLog, type ChatMessage, type StoredMessage } from "./chat-log.js";
import type { FakeTelegram } from "./fake-telegram.js";

export interface TelegramProfile {
  id?: number;
  firstName?: string;
  username?: string;
  /** Telegram's language of the person (`en`, `ru`, `kk`, `de`...); unset like some clients. */
  languageCode?: string;
}

export interface TelegramUser {
  readonly id: number;
  send(text: string): Promise<void>;
  command(name: string, payload?: string): Promise<void>;
  shareLocation(latitude: number, longitude: number): Promise<void>;
  /** Taps an inline button by its label (on the latest message that has it), or sends any callback data. */
  tap(labelOrData: string | { data: string }): Promise<void>;
  /** Sends the text of a button of the reply keyboard on offer. */
  pressReplyButton(label: string): Promise<void>;
  /** The bot's messages as the person sees them: edits applied in place, deletions removed. */
  messages(): ChatMessage[];
  lastMessage(): ChatMessage | undefined;
  /** Labels of the inline buttons on the latest message that has any. */
  buttons(): string[];
  /** Labels of the reply keyboard on offer. */
  replyButtons(): string[];
  /** Texts of the bot's answers to this person's button taps ("" for a silent answer). */
  callbackAnswers(): string[];
  /** Every Bot API call the bot made for this chat. */
  calls(): BotApiCall[];
  /** From now on every call for this chat fails with 403 "bot was blocked by the user". */
  blockBot(): void;
  unblockBot(): void;
  /** The bot's next call of this method for this chat fails (default: 500 Internal Server Error). */
  failNextCall(method: string, code?: number, description?: string): void;
  /** The bot's next call of this method for this chat fails on the network (fetch rejects). */
  breakNextCall(method: string): void;
}

/** What a person needs from the kit: the fake Telegram and a way to hand updates to the bot. */
export interface UserEnvironment {
  telegram: FakeTelegram;
  now(): Date;
  deliver(update: Omit<Update, "update_id">): Promise<void>;
}

let lastQueryId = 0;

export class KitUser implements TelegramUser {
  readonly id: number;
  private readonly chat: ChatLog;

  constructor(
    private readonly environment: UserEnvironment,
    private readonly profile: Required<Pick<TelegramProfile, "id" | "firstName">> & TelegramProfile,
  ) {
    this.id = profile.id;
    this.chat = environment.telegram.chat(profile.id);
  }

  /** The language Telegram reports for this person from now on (`:lang` in `pnpm chat`). */
  setLanguage(languageCode: string | undefined): void {
    this.profile.languageCode = languageCode;
  }

  send(text: string): Promise<void> {
    // Telegram clients mark a leading /command themselves.
    const command = /^\/[A-Za-z0-9_]+(@\w+)?/.exec(text)?.[0];
    return this.sendMessage({
      text,
      ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command.length }] } : {}),
    });
  }

  command(name: string, payload?: string): Promise<void> {
    const text = `/${name}${payload ? ` ${payload}` : ""}`;
    return this.sendMessage({ text, entities: [{ type: "bot_command", offset: 0, length: name.length + 1 }] });
  }

  shareLocation(latitude: number, longitude: number): Promise<void> {
    return this.sendMessage({ location: { latitude, longitude } });
  }

  async tap(labelOrData: string | { data: string }): Promise<void> {
    if (typeof labelOrData !== "string") {
      const message = this.chat.latestWithButtons() ?? this.chat.stored.findLast((item) => !item.deleted);
      return this.sendCallback(labelOrData.data, message, `data "${labelOrData.data}"`);
    }
    for (const stored of [...this.chat.stored].reverse()) {
      if (stored.deleted) continue;
      const button = stored.inline.flat().find((item) => item.text === labelOrData);
      if (!button) continue;
      if (!("callback_data" in button))
        throw new Error(`"${labelOrData}" is not a callback button: ${JSON.stringify(button)}`);
      return this.sendCallback(button.callback_data, stored, `"${labelOrData}"`);
    }
    throw new Error(`No inline button "${labelOrData}" in the chat. ${this.describeButtons()}`);
  }

  /** Taps the n-th (1-based) inline button of the latest message with buttons (`pnpm chat`). */
  async tapNumber(index: number): Promise<void> {
    const stored = this.chat.latestWithButtons();
    const button = stored?.inline.flat()[index - 1];
    if (!stored || !button) throw new Error(`No button ${index}. ${this.describeButtons()}`);
    if (!("callback_data" in button)) throw new Error(`"${button.text}" is not a callback button`);
    return this.sendCallback(button.callback_data, stored, `"${button.text}"`);
  }

  async pressReplyButton(label: string): Promise<void> {
    const button = this.chat.replyKeyboard?.flat().find((item) => buttonLabel(item) === label);
    if (!button) {
      throw new Error(`No reply button "${label}". Reply keyboard on offer: ${JSON.stringify(this.replyButtons())}`);
    }
    if (typeof button !== "string" && "request_location" in button && button.request_location) {
      throw new Error(
        `"${label}" sends a location: shareLocation(latitude, longitude) (in pnpm chat: loc <lat> <lon>)`,
      );
    }
    return this.sendMessage({ text: label });
  }

  messages(): ChatMessage[] {
    return this.chat.messages();
  }

  lastMessage(): ChatMessage | undefined {
    return this.messages().at(-1);
  }

  buttons(): string[] {
    return this.chat.latestWithButtons()?.inline.flat().map(buttonLabel) ?? [];
  }

  replyButtons(): string[] {
    return this.chat.replyKeyboard?.flat().map(buttonLabel) ?? [];
  }

  callbackAnswers(): string[] {
    return [...this.chat.callbackAnswers];
  }

  calls(): BotApiCall[] {
    return [...this.chat.calls];
  }

  blockBot(): void {
    this.chat.blocked = true;
  }

  unblockBot(): void {
    this.chat.blocked = false;
  }

  failNextCall(method: string, code = 500, description = "Internal Server Error"): void {
    this.environment.telegram.failNext(this.id, method, code, description);
  }

  breakNextCall(method: string): void {
    this.environment.telegram.breakNext(this.id, method);
  }

  private get from(): User {
    const { id, firstName, username, languageCode } = this.profile;
    return {
      id,
      is_bot: false,
      first_name: firstName,
      ...(username ? { username } : {}),
      ...(languageCode ? { language_code: languageCode } : {}),
    };
  }

  private sendMessage(content: Partial<Message>): Promise<void> {
    const { id, firstName, username } = this.profile;
    const message = {
      message_id: this.chat.nextMessageId(),
      date: Math.floor(this.environment.now().getTime() / 1000),
      chat: { id, type: "private", first_name: firstName, ...(username ? { username } : {}) },
      from: this.from,
      ...content,
    } as Message;
    return this.environment.deliver({ message } as Omit<Update, "update_id">);
  }

  private async sendCallback(data: string, stored: StoredMessage | undefined, what: string): Promise<void> {
    const queryId = `${this.id}-${++lastQueryId}`;
    this.environment.telegram.expectCallbackAnswer(queryId, this.id);
    await this.environment.deliver({
      callback_query: {
        id: queryId,
        from: this.from,
        chat_instance: `chat-${this.id}`,
        data,
        ...(stored ? { message: stored.message } : {}),
      },
    } as Omit<Update, "update_id">);
    if (!this.environment.telegram.wasAnswered(queryId)) {
      throw new Error(`The bot never answered the tap on ${what}: Telegram would show a spinner on the button`);
    }
  }

  private describeButtons(): string {
    const offered = this.chat.stored
      .filter((item) => !item.deleted && item.inline.length > 0)
      .slice(-3)
      .map((item) => `message ${item.message.message_id}: ${JSON.stringify(item.inline.flat().map(buttonLabel))}`);
    return offered.length > 0
      ? `Inline buttons on the latest messages:\n${offered.join("\n")}`
      : "No message has inline buttons.";
  }
}
