import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import { languageFrom } from "@habits/core";
import type { FlowContext } from "./context.js";

export const localesDirectory = fileURLToPath(new URL("./locales", import.meta.url));

/** Fluent translations (locales/*.ftl); the account's language decides, else Telegram's. */
export function createI18n(): I18n<FlowContext> {
  const i18n = new I18n<FlowContext>({
    defaultLocale: "en",
    // Unicode isolation marks around variables show up as stray characters in Telegram.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => (ctx as Partial<FlowContext>).account?.language ?? languageFrom(ctx.from?.language_code),
  });
  i18n.loadLocalesDirSync(localesDirectory);
  return i18n;
}
