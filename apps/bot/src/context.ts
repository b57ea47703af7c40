import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { User } from "@habits/core";
import type { Context } from "grammy";

/** What the account middleware adds: the person's account, made on first contact. */
interface AccountFlavor {
  account: User;
  /** True on the update that created the account. */
  isNewAccount: boolean;
}

/** The context inside conversations: translated and with the account, rebuilt for every update. */
export type FlowContext = Context & I18nFlavor & AccountFlavor;

/** The context of the outside middleware tree. */
export type BotContext = ConversationFlavor<FlowContext>;
