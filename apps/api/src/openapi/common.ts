// Schemas every resource uses.
import { z } from "./zod.js";

/** An instant, ISO 8601 in UTC. */
export const timestampSchema = z.iso.datetime().openapi({ example: "2026-03-10T12:00:00.000Z" });

/** An opaque id. */
const idSchema = z.string().min(1).max(64).openapi({ example: "5f0c6a0e-8f4e-4b7a-9d2c-3e1f2a4b6c8d" });

export const idParams = z.strictObject({ id: idSchema });

export const iso = (date: Date) => date.toISOString();
export const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
