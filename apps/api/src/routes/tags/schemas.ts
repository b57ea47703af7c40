import { type Tag, tagLimits } from "@habits/core";
import { pageSchema } from "../../http/paging.js";
import { iso, timestampSchema } from "../../openapi/common.js";
import { z } from "../../openapi/zod.js";

export const tagSchema = z
  .strictObject({
    id: z.string(),
    name: z.string().openapi({ example: "morning" }),
    color: z.string().nullable().openapi({ example: "#059669" }),
    habitCount: z.number().int().min(0).openapi({ description: "Habits that carry it, archived ones included" }),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .openapi("Tag");

export const tagPageSchema = pageSchema(tagSchema, "TagPage");

export function presentTag(tag: Tag): z.input<typeof tagSchema> {
  return {
    id: tag.id,
    name: tag.name,
    color: tag.color,
    habitCount: tag.habitCount,
    createdAt: iso(tag.createdAt),
    updatedAt: iso(tag.updatedAt),
  };
}

/** A tag as made or replaced: a name, and a color or none. */
export const tagInputSchema = z
  .strictObject({
    name: z.string().openapi({ description: `1–${tagLimits.name} characters, one line, unique in any case` }),
    color: z.string().nullable().optional().openapi({ description: "`#RRGGBB`; none when left out" }),
  })
  .openapi("TagInput");
