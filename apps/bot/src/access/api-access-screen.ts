// ⚙️ Settings → 🔑 API access: what an app needs to act for the person through the REST API.
// A one-time login code (to sign in to an app) and API keys (for scripts), each key shown once. The
// list says what each key may do and when it was last used, so a person can revoke one they do not
// recognize.
import type { ApiKeyInfo, ApiKeyScope } from "@habits/core";
import { InlineKeyboard } from "grammy";
import type { FlowContext } from "../context.js";
import { settingsData } from "../settings/settings-screens.js";
import { escapeHtml } from "../telegram/html.js";
import { apiButton } from "./api-buttons.js";

/** A date in the person's zone and language: when a key was made or last used. */
function when(ctx: FlowContext, instant: Date): string {
  return new Intl.DateTimeFormat(ctx.account.language, {
    dateStyle: "medium",
    timeZone: ctx.account.timezone,
  }).format(instant);
}

/** What a key may do, in words: its scopes are a non-empty subset of read and write. */
function scopesText(ctx: FlowContext, scopes: readonly ApiKeyScope[]): string {
  if (scopes.includes("read") && scopes.includes("write")) return ctx.t("api-scope-read-write");
  return ctx.t(scopes.includes("write") ? "api-scope-write" : "api-scope-read");
}

function keyLine(ctx: FlowContext, key: ApiKeyInfo): string {
  return ctx.t("api-key-line", {
    name: escapeHtml(key.name),
    prefix: key.prefix,
    scopes: scopesText(ctx, key.scopes),
    created: when(ctx, key.createdAt),
    used: key.lastUsedAt ? when(ctx, key.lastUsedAt) : ctx.t("api-key-never-used"),
  });
}

export function apiAccessScreen(ctx: FlowContext, keys: readonly ApiKeyInfo[]) {
  const lines = [ctx.t("api-title"), "", ctx.t("api-explain")];
  lines.push("", keys.length === 0 ? ctx.t("api-keys-none") : ctx.t("api-keys-title"));
  for (const key of keys) lines.push(keyLine(ctx, key));
  if (keys.length > 0) lines.push("", ctx.t("api-keys-hint"));
  const keyboard = new InlineKeyboard()
    .add(apiButton(ctx.t("api-button-code"), "code"))
    .row()
    .add(apiButton(ctx.t("api-button-new-key"), "new-key"))
    .row()
    .add(apiButton(ctx.t("api-button-new-read-key"), "new-key", "read"))
    .row();
  for (const key of keys)
    keyboard.add(apiButton(ctx.t("api-button-revoke", { name: key.name }), "revoke", key.id)).row();
  keyboard.text(ctx.t("button-back"), settingsData.pack({ action: "open", value: "main" }));
  return { text: lines.join("\n"), keyboard };
}

export function revokeConfirmation(ctx: FlowContext, key: ApiKeyInfo) {
  return {
    text: ctx.t("api-revoke-confirm", { name: escapeHtml(key.name), prefix: key.prefix }),
    keyboard: InlineKeyboard.from([
      [apiButton(ctx.t("api-button-revoke-yes"), "revoke-yes", key.id)],
      [apiButton(ctx.t("button-back"), "open")],
    ]),
  };
}

/** Under a message that shows a secret: one tap removes it from the chat. */
export const forgetKeyboard = (ctx: FlowContext) =>
  InlineKeyboard.from([[apiButton(ctx.t("api-button-forget"), "forget")]]);
