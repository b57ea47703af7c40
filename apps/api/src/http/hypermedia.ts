// Hypermedia on request: with `Accept: application/vnd.habit.hateoas+json` an answer carries
// `links`. Resource kinds are declared once (`routes.resource({ path, schemas })`); every object an
// answer's schema places where one of those schemas stands gets `self`, `update` and `delete` as its
// routes allow, and a page envelope gets `self`, `next-page` and `previous-page`. The links are read
// off the route table, so a route added later shows up in them by itself.
import { z as Zod } from "zod";
import { z } from "../openapi/zod.js";

export const hateoasMediaType = "application/vnd.habit.hateoas+json";

type Method = "get" | "post" | "put" | "patch" | "delete";

export interface ResourceKind {
  /** Its route template under the base path: `/habits/{id}`, or `/users/me` for the one there is. */
  path: string;
  /** The schemas its answers use (the resource, its list item, a variant with a secret once). */
  schemas: readonly Zod.ZodType[];
}

/** How to put links into one answer body: where the resources and the page envelope are. */
type Plan =
  | { type: "resource"; kind: ResourceKind; inner: Plan | undefined }
  | { type: "object"; page: boolean; fields: Record<string, Plan> }
  | { type: "array"; element: Plan }
  | { type: "either"; options: Plan[] };

const linkSchema = z
  .strictObject({ href: z.string(), method: z.enum(["GET", "PUT", "PATCH", "DELETE"]) })
  .openapi("Link");
const resourceLinksSchema = z
  .strictObject({ self: linkSchema.optional(), update: linkSchema.optional(), delete: linkSchema.optional() })
  .openapi("ResourceLinks", { description: "What may be done with the resource, as its routes allow" });
const pageLinksSchema = z
  .strictObject({ self: linkSchema, "next-page": linkSchema.optional(), "previous-page": linkSchema.optional() })
  .openapi("PageLinks", { description: "This page and its neighbours, the query string kept" });

interface Link {
  href: string;
  method: "GET" | "PUT" | "PATCH" | "DELETE";
}

/** A page envelope: items and where the next ones are. */
const isPageShape = (shape: Record<string, unknown>) => "items" in shape && "hasNextPage" in shape;

export interface Hypermedia {
  declare(kind: ResourceKind): void;
  /** A route registered: its method and template take part in the links. */
  routeAdded(method: Method, path: string): void;
  /** The plan for an answer schema, and its schema with links; undefined when it has nothing to link. */
  variant(schema: Zod.ZodType): { plan: Plan; schema: Zod.ZodType } | undefined;
  /** The body with its links, for a request to `url` (path and query string, as sent). */
  addLinks(body: unknown, plan: Plan, url: string): unknown;
}

export function createHypermedia(basePath: string): Hypermedia {
  const kinds = new Map<Zod.ZodType, ResourceKind>();
  const methodsAt = new Map<string, Set<Method>>();
  const variants = new Map<Zod.ZodType, { plan: Plan; schema: Zod.ZodType } | undefined>();

  function build(schema: Zod.ZodType): { plan: Plan; schema: Zod.ZodType } | undefined {
    if (variants.has(schema)) return variants.get(schema);
    const made = make(schema);
    variants.set(schema, made);
    return made;
  }

  function make(schema: Zod.ZodType): { plan: Plan; schema: Zod.ZodType } | undefined {
    const kind = kinds.get(schema);
    if (schema instanceof Zod.ZodObject) {
      const shape = schema.shape as Record<string, Zod.ZodType>;
      const fields: Record<string, Plan> = {};
      const newShape: Record<string, Zod.ZodType> = { ...shape };
      for (const [name, field] of Object.entries(shape)) {
        const inner = build(field);
        if (inner) {
          fields[name] = inner.plan;
          newShape[name] = inner.schema;
        }
      }
      const page = isPageShape(shape);
      if (!kind && !page && Object.keys(fields).length === 0) return undefined;
      if (kind) newShape.links = resourceLinksSchema.optional();
      else if (page) newShape.links = pageLinksSchema;
      // A new object, not `extend`: the generator would make an allOf the base's strictness refuses.
      const variant = z.strictObject(newShape);
      const described = schema.description ? variant.describe(schema.description) : variant;
      const objectPlan: Plan = { type: "object", page: page && !kind, fields };
      return { plan: kind ? { type: "resource", kind, inner: objectPlan } : objectPlan, schema: described };
    }
    if (schema instanceof Zod.ZodArray) {
      const element = build(schema.element as Zod.ZodType);
      return element && { plan: { type: "array", element: element.plan }, schema: z.array(element.schema) };
    }
    if (schema instanceof Zod.ZodOptional) {
      const inner = build(schema.unwrap() as Zod.ZodType);
      return inner && { plan: inner.plan, schema: inner.schema.optional() };
    }
    if (schema instanceof Zod.ZodNullable) {
      const inner = build(schema.unwrap() as Zod.ZodType);
      return inner && { plan: inner.plan, schema: inner.schema.nullable() };
    }
    if (schema instanceof Zod.ZodUnion) {
      const options = (schema.options as readonly Zod.ZodType[]).map((option) => build(option));
      if (options.every((option) => option === undefined)) return undefined;
      return {
        plan: { type: "either", options: options.flatMap((option) => (option ? [option.plan] : [])) },
        schema: z.union(
          (schema.options as readonly Zod.ZodType[]).map((option, index) => options[index]?.schema ?? option) as [
            Zod.ZodType,
            Zod.ZodType,
            ...Zod.ZodType[],
          ],
        ),
      };
    }
    return undefined;
  }

  function resourceLinks(kind: ResourceKind, id: string): Record<string, Link> {
    const methods = methodsAt.get(kind.path) ?? new Set<Method>();
    const href = basePath + kind.path.replace("{id}", encodeURIComponent(id));
    const links: Record<string, Link> = {};
    if (methods.has("get")) links.self = { href, method: "GET" };
    if (methods.has("patch")) links.update = { href, method: "PATCH" };
    else if (methods.has("put")) links.update = { href, method: "PUT" };
    if (methods.has("delete")) links.delete = { href, method: "DELETE" };
    return links;
  }

  function pageLinks(page: Record<string, unknown>, url: string): Record<string, Link> {
    const at = (change: (query: URLSearchParams) => void) => {
      const target = new URL(url, "http://x");
      change(target.searchParams);
      return { href: target.pathname + target.search, method: "GET" as const };
    };
    const links: Record<string, Link> = { self: at(() => {}) };
    const number = typeof page.page === "number" ? page.page : undefined;
    if (number !== undefined) {
      if (page.hasNextPage === true) links["next-page"] = at((query) => query.set("page", String(number + 1)));
      if (page.hasPreviousPage === true) links["previous-page"] = at((query) => query.set("page", String(number - 1)));
    } else if (page.hasNextPage === true && typeof page.nextCursor === "string") {
      const cursor = page.nextCursor;
      links["next-page"] = at((query) => query.set("cursor", cursor));
    }
    return links;
  }

  function apply(value: unknown, plan: Plan, url: string, top: boolean): unknown {
    if (value === null || value === undefined) return value;
    switch (plan.type) {
      case "array":
        return Array.isArray(value) ? value.map((element) => apply(element, plan.element, url, false)) : value;
      case "either":
        return plan.options.reduce<unknown>((current, option) => apply(current, option, url, top), value);
      case "resource": {
        const inner = plan.inner ? apply(value, plan.inner, url, top) : value;
        if (typeof inner !== "object" || inner === null || Array.isArray(inner)) return inner;
        const id = (inner as { id?: unknown }).id;
        if (typeof id !== "string") return inner;
        const links = resourceLinks(plan.kind, id);
        return Object.keys(links).length > 0 ? { ...inner, links } : inner;
      }
      case "object": {
        if (typeof value !== "object" || Array.isArray(value)) return value;
        const object = { ...(value as Record<string, unknown>) };
        for (const [name, field] of Object.entries(plan.fields)) {
          if (name in object) object[name] = apply(object[name], field, url, false);
        }
        if (plan.page && top && "items" in object) object.links = pageLinks(object, url);
        return object;
      }
    }
  }

  return {
    declare(kind) {
      for (const schema of kind.schemas) kinds.set(schema, kind);
      variants.clear();
    },
    routeAdded(method, path) {
      const methods = methodsAt.get(path) ?? new Set<Method>();
      methods.add(method);
      methodsAt.set(path, methods);
    },
    variant: build,
    addLinks: (body, plan, url) => apply(body, plan, url, true),
  };
}

/** Whether the request asks for the hypermedia type (named, not through `*\/*`). */
export function wantsHypermedia(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(",").some((part) => {
    const [type, ...parameters] = part.split(";").map((piece) => piece.trim().toLowerCase());
    if (type !== hateoasMediaType) return false;
    const quality = parameters.find((parameter) => parameter.startsWith("q="));
    return quality === undefined || Number(quality.slice(2)) > 0;
  });
}
