import { accessLimits } from "@habits/core";
import { z } from "../../openapi/zod.js";

const telegramId = z.number().int().positive().openapi({ description: "The Telegram user id", example: 123456789 });
const telegramUsername = z
  .string()
  .min(1)
  .max(65)
  .openapi({ description: "The Telegram username, `@` optional, any case", example: "alice" });

const exactlyOne = (input: { telegramId?: number | undefined; telegramUsername?: string | undefined }) =>
  (input.telegramId === undefined) !== (input.telegramUsername === undefined);
const exactlyOneMessage = { path: ["telegramId"], message: "give a telegramId or a telegramUsername, not both" };

export const telegramCodeRequestSchema = z
  .strictObject({ telegramId: telegramId.optional(), telegramUsername: telegramUsername.optional() })
  .refine(exactlyOne, exactlyOneMessage)
  .openapi("TelegramCodeRequest", { description: "The Telegram account to send a login code to" });

export const telegramCodeAcceptedSchema = z
  .strictObject({
    detail: z.string(),
    expiresIn: z.number().int().openapi({ description: "Seconds a code works for", example: 300 }),
  })
  .openapi("TelegramCodeAccepted");

export const telegramVerifySchema = z
  .strictObject({
    telegramId: telegramId.optional(),
    telegramUsername: telegramUsername.optional(),
    code: z
      .string()
      .regex(
        new RegExp(`^\\s*\\d{${accessLimits.loginCodeDigits}}\\s*$`),
        `must be ${accessLimits.loginCodeDigits} digits`,
      )
      .openapi({ description: "The code the bot sent", example: "123456" }),
  })
  .refine(exactlyOne, exactlyOneMessage)
  .openapi("TelegramVerify");

const optionalText = z.string().max(512).optional();

export const telegramWidgetSchema = z
  .strictObject({
    id: z.number().int().positive(),
    first_name: optionalText,
    last_name: optionalText,
    username: optionalText,
    photo_url: z.string().max(2048).optional(),
    auth_date: z.number().int().min(0).openapi({ description: "Unix time Telegram signed the data at" }),
    hash: z.string().max(128).openapi({ description: "Hex HMAC-SHA256 over the other fields" }),
  })
  .openapi("TelegramWidgetData", {
    description: "The object the Telegram Login Widget hands its callback (`data-onauth`), as is",
  });

export const telegramWebAppSchema = z
  .strictObject({
    initData: z
      .string()
      .min(1)
      .max(8192)
      .openapi({ description: "`Telegram.WebApp.initData`: the URL-encoded string, as is" }),
  })
  .openapi("TelegramWebAppData");
