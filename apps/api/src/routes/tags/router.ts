// The user's tags: list, make, read, replace (rename, recolor), delete. A habit's tags are set
// through /habits/{id}/tags.
import { pageQueryShape, paginate } from "../../http/paging.js";
import { type ApiRoutes, created, failed, noContent, ok } from "../../http/route.js";
import { idParams } from "../../openapi/common.js";
import { z } from "../../openapi/zod.js";
import type { RouteDependencies } from "../dependencies.js";
import { presentTag, tagInputSchema, tagPageSchema, tagSchema } from "./schemas.js";

const tags = ["Tags"];

export function registerTagRoutes(routes: ApiRoutes, { core }: RouteDependencies): void {
  routes.add({
    operationId: "listTags",
    method: "get",
    path: "/tags",
    tags,
    summary: "The user's tags",
    description: "By name (any case), each with how many habits carry it.",
    auth: true,
    access: "read",
    request: { query: z.strictObject(pageQueryShape) },
    responses: { 200: { description: "A page of tags", body: tagPageSchema } },
    handler: async ({ principal, query }) => {
      const page = paginate(await core.tags.list(principal.userId), query);
      return ok({ ...page, items: page.items.map(presentTag) });
    },
  });

  routes.add({
    operationId: "createTag",
    method: "post",
    path: "/tags",
    tags,
    summary: "Make a tag",
    description: "Send an `Idempotency-Key` to retry safely.",
    auth: true,
    access: "write",
    idempotent: true,
    request: { body: tagInputSchema },
    responses: { 201: { description: "The tag", body: tagSchema, headers: { Location: "The tag" } } },
    errors: ["name_taken", "limit_reached"],
    handler: async ({ principal, body }) => {
      const made = await core.tags.create(principal.userId, { name: body.name, color: body.color ?? null });
      if (!made.ok) return failed(made);
      return created(presentTag(made.value), `${routes.basePath}/tags/${encodeURIComponent(made.value.id)}`);
    },
  });

  routes.add({
    operationId: "getTag",
    method: "get",
    path: "/tags/{id}",
    tags,
    summary: "One tag",
    auth: true,
    access: "read",
    request: { params: idParams },
    responses: { 200: { description: "The tag", body: tagSchema } },
    errors: ["not_found"],
    handler: async ({ principal, params }) => {
      const tag = await core.tags.get(principal.userId, params.id);
      return tag ? ok(presentTag(tag)) : failed({ reason: "not_found" });
    },
  });

  routes.add({
    operationId: "replaceTag",
    method: "put",
    path: "/tags/{id}",
    tags,
    summary: "Rename or recolor a tag",
    description: "The whole tag: a color left out is none. Its habits carry the new name.",
    auth: true,
    access: "write",
    request: { params: idParams, body: tagInputSchema },
    responses: { 200: { description: "The tag as replaced", body: tagSchema } },
    errors: ["not_found", "name_taken"],
    handler: async ({ principal, params, body }) => {
      const updated = await core.tags.update(principal.userId, params.id, {
        name: body.name,
        color: body.color ?? null,
      });
      return updated.ok ? ok(presentTag(updated.value)) : failed(updated);
    },
  });

  routes.add({
    operationId: "deleteTag",
    method: "delete",
    path: "/tags/{id}",
    tags,
    summary: "Delete a tag",
    description: "The habits that carried it keep everything else.",
    auth: true,
    access: "write",
    request: { params: idParams },
    responses: { 204: { description: "Deleted" } },
    errors: ["not_found"],
    handler: async ({ principal, params }) => {
      const deleted = await core.tags.delete(principal.userId, params.id);
      return deleted.ok ? noContent() : failed(deleted);
    },
  });
}
