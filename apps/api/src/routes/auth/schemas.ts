import { z } from "../../openapi/zod.js";
import { passwordDescription, userSchema } from "../users/schemas.js";

const password = z.string().openapi({ description: passwordDescription });

export const registrationSchema = z
  .strictObject({
    username: z.string().openapi({ description: "3–32 of A–Z a–z 0–9 _ . -", example: "alice" }),
    email: z.string().openapi({ example: "alice@example.com" }),
    password,
    confirmPassword: z.string().openapi({ description: "The password again" }),
    name: z.string().nullable().optional().openapi({ example: "Alice" }),
  })
  .refine((input) => input.password === input.confirmPassword, {
    path: ["confirmPassword"],
    message: "does not match password",
  })
  .openapi("Registration");

/**
 * No account's username or email is longer (core: 32 and 254): a longer name is refused here,
 * before the login limits keep it as a key (each failure stores its name in memory).
 */
const loginNameMax = 254;

export const loginSchema = z
  .strictObject({
    username: z.string().max(loginNameMax).optional(),
    email: z.string().max(loginNameMax).optional(),
    password: z.string(),
  })
  .refine((input) => (input.username === undefined) !== (input.email === undefined), {
    path: ["username"],
    message: "give a username or an email, not both",
  })
  .openapi("Login", { description: "A username or an email, and the password" });

export const refreshTokenSchema = z
  .strictObject({ refreshToken: z.string().openapi({ description: "The opaque refresh token (`hrt_...`)" }) })
  .openapi("RefreshTokenInput");

const tokensShape = {
  accessToken: z.string().openapi({ description: "JWT for `Authorization: Bearer`; lives `expiresIn` seconds" }),
  refreshToken: z.string().openapi({ description: "Opaque; one use, 7 days; exchange it at /auth/refresh" }),
  tokenType: z.literal("Bearer"),
  expiresIn: z.number().int().openapi({ example: 900 }),
};

export const tokensSchema = z.strictObject(tokensShape).openapi("Tokens");

export const sessionSchema = z.strictObject({ ...tokensShape, user: userSchema }).openapi("Session");

export const logoutAllSchema = z
  .strictObject({
    revokeApiKeys: z.boolean().optional().openapi({ description: "Revoke every API key too (`false` unless said)" }),
  })
  .openapi("LogoutAll");
