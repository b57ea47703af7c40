// Lists: `page` (≥ 1) and `pageSize` (1–100, default 20) in, the page envelope out.
import type { z as Zod } from "zod";
import { z } from "../openapi/zod.js";

export const pageQueryShape = {
  page: z.coerce.number().int().min(1).default(1).openapi({ description: "Page number, from 1" }),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: "Items per page, 1–100" }),
};

export interface PageRequest {
  page: number;
  pageSize: number;
}

/** The page envelope's fields besides `items`: one definition for every paged answer. */
export const pageEnvelopeFields = {
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1).max(100),
  totalCount: z.number().int().min(0),
  totalPages: z.number().int().min(0),
  hasNextPage: z.boolean(),
  hasPreviousPage: z.boolean(),
};

/** `{ items, page, pageSize, totalCount, totalPages, hasNextPage, hasPreviousPage }` of `item`. */
export function pageSchema<Item extends Zod.ZodType>(item: Item, name: string) {
  return z.strictObject({ items: z.array(item), ...pageEnvelopeFields }).openapi(name);
}

export interface Page<Item> {
  items: Item[];
  page: number;
  pageSize: number;
  totalCount: number;
  totalPages: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** The envelope around one page of `totalCount` items. */
export function pageOf<Item>(items: Item[], request: PageRequest, totalCount: number): Page<Item> {
  const totalPages = Math.ceil(totalCount / request.pageSize);
  return {
    items,
    page: request.page,
    pageSize: request.pageSize,
    totalCount,
    totalPages,
    hasNextPage: request.page < totalPages,
    hasPreviousPage: request.page > 1,
  };
}

/** One page of a list held in memory (short lists: API keys). */
export function paginate<Item>(all: readonly Item[], request: PageRequest): Page<Item> {
  const start = (request.page - 1) * request.pageSize;
  return pageOf(all.slice(start, start + request.pageSize), request, all.length);
}
