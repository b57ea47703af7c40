// One declaration per endpoint gives its Express handler, its validation and its OpenAPI entry:
// `routes.add({ method, path, request, responses, errors, handler })`. The handler gets parsed
// input and returns a reply; it never touches `request.body` or writes the response itself.
import type { OpenAPIRegistry, ResponseConfig, RouteConfig } from "@asteasolutions/zod-to-openapi";
import type { Request, RequestHandler, Response, Router } from "express";
import type { z } from "zod";
import { z as zod } from "../openapi/zod.js";
import { type Authenticate, authenticationProblems, type Principal } from "./auth.js";
import {
  credentialsSentence,
  type ProofDeclaration,
  type ProveIdentity,
  proofProblems,
  type RouteAccess,
  requireAccess,
  scopeProblems,
} from "./credentials.js";
import { databaseProblemCodes } from "./database-trouble.js";
import { type CodeForReason, type CoreFailure, problemForFailure } from "./failures.js";
import { createHypermedia, hateoasMediaType, type ResourceKind, wantsHypermedia } from "./hypermedia.js";
import {
  type IdempotencyRecords,
  idempotencyHeaderSchema,
  idempotencyKeyOf,
  type Repeat,
  runIdempotently,
  type SentReply,
} from "./idempotency.js";
import { routePatternKey } from "./metrics.js";
import {
  type Problem,
  type ProblemCode,
  ProblemError,
  problem,
  problemCatalog,
  problemSchema,
  sendProblem,
} from "./problem.js";
import { parseInput } from "./validate.js";

type Method = "get" | "post" | "put" | "patch" | "delete";
type Headers = Record<string, string>;

interface ResponseSpec {
  description: string;
  /** The JSON body; none for 204. */
  body?: z.ZodType;
  /** Headers the answer carries (Location, ...), documented as required. */
  headers?: Record<string, string>;
}

type ResponseSpecs = { [status: number]: ResponseSpec };

/** A success answer, typed by the responses the route declares. */
type SuccessReply<Responses extends ResponseSpecs> = {
  [Status in keyof Responses & number]: Responses[Status] extends { body: infer Body extends z.ZodType }
    ? { status: Status; body: z.input<Body>; headers?: Headers }
    : { status: Status; body?: undefined; headers?: Headers };
}[keyof Responses & number];

/** A problem answer; `Code` is what the route may answer with. */
export interface ProblemReply<Code extends ProblemCode = ProblemCode> {
  problem: Problem & { code: Code };
  headers?: Headers;
}

// Success answers. Handlers return these rather than object literals: a literal's `status` would
// widen to number before it is checked against the statuses the route declares.
export const ok = <Body>(body: Body, headers?: Headers) => ({
  status: 200 as const,
  body,
  ...(headers && { headers }),
});
/** 201 with the new resource and its Location. */
export const created = <Body>(body: Body, location: string) => ({
  status: 201 as const,
  body,
  headers: { Location: location },
});
export const noContent = () => ({ status: 204 as const });

/** The answer for a core failure, through the failure table. */
export function failed<const Failure extends CoreFailure>(
  failure: Failure,
): ProblemReply<CodeForReason<Failure["reason"]>> {
  return { problem: problemForFailure(failure) as Problem & { code: CodeForReason<Failure["reason"]> } };
}

/** An answer with a problem the HTTP layer decides (invalid credentials, ...). */
export function problemReply<const Code extends ProblemCode>(
  code: Code,
  detail: string,
  headers?: Headers,
): ProblemReply<Code> {
  return { problem: problem(code, detail) as Problem & { code: Code }, ...(headers ? { headers } : {}) };
}

type Parsed<Schema> = Schema extends z.ZodType ? z.output<Schema> : undefined;

interface RouteInput<Body, Query, Params, Auth extends boolean> {
  body: Parsed<Body>;
  query: Parsed<Query>;
  params: Parsed<Params>;
  principal: Auth extends true ? Principal : null;
  request: Request;
  response: Response;
}

type AuthCodes = (typeof authenticationProblems)[number];

/**
 * What an authenticated route must declare (docs/api.md, "Credentials: who may do what"): the
 * access it needs, and whether it takes a proof of identity. A route with `auth: true` and no
 * `access` does not compile.
 */
interface CredentialDeclaration<Body> {
  access: RouteAccess<Parsed<Body>>;
  proof?: ProofDeclaration<Parsed<Body>>;
}

type CredentialSpec<Body, Auth extends boolean> = Auth extends true
  ? CredentialDeclaration<Body>
  : { access?: never; proof?: never };

type RouteSpec<
  Body extends z.ZodType | undefined,
  Query extends z.ZodObject | undefined,
  Params extends z.ZodObject | undefined,
  Responses extends ResponseSpecs,
  Auth extends boolean,
  Code extends ProblemCode,
> = RouteSpecBase<Body, Query, Params, Responses, Auth, Code> & CredentialSpec<Body, Auth>;

interface RouteSpecBase<
  Body extends z.ZodType | undefined,
  Query extends z.ZodObject | undefined,
  Params extends z.ZodObject | undefined,
  Responses extends ResponseSpecs,
  Auth extends boolean,
  Code extends ProblemCode,
> {
  /** Unique across the API: client generators name their methods after it. */
  operationId: string;
  method: Method;
  /** OpenAPI template under the base path: `/users/me/api-keys/{id}`. */
  path: string;
  tags: readonly string[];
  summary: string;
  description?: string;
  /** Whether a bearer token or an API key is required. */
  auth: Auth;
  request?: {
    body?: Body;
    query?: Query;
    params?: Params;
    /** Media types the body may come in; `application/json` unless said. */
    contentTypes?: readonly string[];
    /**
     * The body's schema for some of those media types (JSON Patch beside a merge patch): parsed and
     * documented instead of `body` for a request in that type. Each must be a member of `body`.
     */
    bodyFor?: Readonly<Record<string, z.ZodType>>;
  };
  responses: Responses;
  /**
   * Problems the handler answers with besides those every route of its kind can give (validation,
   * body, authentication, rate limit, 500), which are added to the document by themselves.
   */
  errors?: readonly Code[];
  /** Rate limiters, run before authentication (their 429 is documented by itself). */
  limits?: readonly RequestHandler[];
  /**
   * Takes an `Idempotency-Key` header (POST): a retry with the key replays the first answer. Keys
   * are per user, so only a route with auth can be idempotent.
   */
  idempotent?: Auth extends true ? boolean : false;
  /**
   * Its answers must be ones the route declares. NoInfer: the generics come from the declaration,
   * so an undeclared status or problem code is an error here, not a widened declaration.
   */
  handler(
    input: RouteInput<Body, Query, Params, Auth>,
  ): Promise<
    NoInfer<
      SuccessReply<Responses> | ProblemReply<Code | "validation_failed" | (Auth extends true ? AuthCodes : never)>
    >
  >;
}

export interface ApiRoutes {
  /** The base path every route sits under (`/api/v1`). */
  basePath: string;
  /**
   * A resource kind for hypermedia answers: wherever one of its schemas stands in an answer, the object
   * gets `links` to the routes at `path`. Declared before the routes that answer with it.
   */
  resource(kind: ResourceKind): void;
  add<
    Body extends z.ZodType | undefined = undefined,
    Query extends z.ZodObject | undefined = undefined,
    Params extends z.ZodObject | undefined = undefined,
    Responses extends ResponseSpecs = ResponseSpecs,
    Auth extends boolean = boolean,
    const Code extends ProblemCode = never,
  >(spec: RouteSpec<Body, Query, Params, Responses, Auth, Code>): void;
}

const methodsWithBody = new Set<Method>(["post", "put", "patch", "delete"]);

export function createApiRoutes(options: {
  router: Router;
  registry: OpenAPIRegistry;
  basePath: string;
  authenticate: Authenticate;
  /** Checks the proof of identity routes with `proof` take. */
  proveIdentity: ProveIdentity;
  /** Where idempotent routes keep their keys; without it, they answer 500 to a request with a key. */
  idempotency?: { records: IdempotencyRecords; now: () => Date; repeat?: Repeat };
}): ApiRoutes {
  const { router, registry, basePath, authenticate, proveIdentity, idempotency } = options;
  const operationIds = new Set<string>();
  const hypermedia = createHypermedia(basePath);

  return {
    basePath,
    resource: (kind) => hypermedia.declare(kind),
    add(spec) {
      if (operationIds.has(spec.operationId)) throw new Error(`operationId ${spec.operationId} is used twice`);
      operationIds.add(spec.operationId);
      // The type says so already; a route built around it (a cast) must not be open to every key.
      if (spec.auth && !spec.access) throw new Error(`${spec.operationId} has auth but declares no access`);
      const pattern = basePath + spec.path;
      hypermedia.routeAdded(spec.method, spec.path);
      // The answers that can carry links: 200 and 201 whose schema holds a resource or a page.
      const linked = new Map<number, NonNullable<ReturnType<typeof hypermedia.variant>>>();
      for (const status of [200, 201]) {
        const schema = spec.responses[status]?.body;
        const variant = schema && hypermedia.variant(schema);
        if (variant) linked.set(status, variant);
      }
      registry.registerPath(operationFor(spec, pattern, linked));

      const contentTypes = spec.request?.contentTypes ?? ["application/json"];
      const handle: RequestHandler = async (request, response) => {
        const principal = spec.auth ? await authenticate(request) : null;
        // Who may call it: what the route needs of every request before its input is read.
        if (principal) requireAccess(principal.credential, leastAccess(spec.access ?? "account"));
        const idempotencyKey = spec.idempotent ? idempotencyKeyOf(request) : undefined;
        const bodySchema = spec.request?.body;
        if (bodySchema && request.body !== undefined && !request.is([...contentTypes])) {
          throw new ProblemError(problem("unsupported_media_type", `Send the body as ${contentTypes.join(" or ")}.`));
        }
        const mediaType = bodySchema && request.body !== undefined ? request.is([...contentTypes]) : false;
        const body = bodySchema
          ? parseInput((mediaType && spec.request?.bodyFor?.[mediaType]) || bodySchema, request.body, "body")
          : methodsWithBody.has(spec.method)
            ? refuseBody(request.body)
            : undefined;
        const query = spec.request?.query ? parseInput(spec.request.query, request.query, "query") : undefined;
        const params = spec.request?.params ? parseInput(spec.request.params, request.params, "params") : undefined;
        if (principal && spec.access && typeof spec.access !== "string" && spec.access.account.when(body as never)) {
          requireAccess(principal.credential, "account");
        }
        const proof = principal && spec.proof?.of(body as never);
        if (principal && spec.proof && proof) await proveIdentity(principal, proof, spec.proof.passwordField, request);
        const run = (): Promise<SentReply> =>
          spec.handler({
            body,
            query,
            params,
            principal,
            request,
            response,
          } as Parameters<typeof spec.handler>[0]);
        let reply: SentReply;
        if (idempotencyKey !== undefined && principal) {
          if (!idempotency)
            throw new Error(`${spec.operationId} is idempotent, but the app has no idempotency records`);
          reply = await runIdempotently({
            ...idempotency,
            userId: principal.userId,
            key: idempotencyKey,
            request,
            run,
          });
        } else {
          reply = await run();
        }
        if ("problem" in reply) {
          sendProblem(response, reply.problem, reply.headers);
          return;
        }
        response.status(reply.status).set(reply.headers ?? {});
        if (linked.size > 0) response.vary("Accept");
        const variant = linked.get(reply.status);
        if (reply.body === undefined) response.end();
        else if (variant && wantsHypermedia(request.get("accept"))) {
          response.type(hateoasMediaType).json(hypermedia.addLinks(reply.body, variant.plan, request.originalUrl));
        } else response.json(reply.body);
      };
      const label: RequestHandler = (_request, response, next) => {
        response.locals[routePatternKey] = pattern;
        next();
      };
      router[spec.method](expressPath(spec.path), label, ...(spec.limits ?? []), handle);
    },
  };
}

/** A route that takes no body accepts none, or an empty object. */
function refuseBody(body: unknown): undefined {
  const empty =
    body === undefined ||
    (typeof body === "object" && body !== null && !Array.isArray(body) && !Object.keys(body).length);
  if (!empty) {
    throw new ProblemError(
      problem("validation_failed", "This endpoint takes no request body.", { errors: { body: "must be empty" } }),
    );
  }
  return undefined;
}

/** What a route needs of every request, whatever its body. */
const leastAccess = (access: RouteAccess<never>) => (typeof access === "string" ? access : access.least);

/** `/users/{id}` → `/users/:id`. */
const expressPath = (path: string) => path.replaceAll(/\{(\w+)\}/g, ":$1");

type AnySpec = Omit<
  RouteSpecBase<
    z.ZodType | undefined,
    z.ZodObject | undefined,
    z.ZodObject | undefined,
    ResponseSpecs,
    boolean,
    ProblemCode
  >,
  "handler"
> & { access?: RouteAccess<never>; proof?: ProofDeclaration<never> };

/** The problems a route can answer with: the ones it declares and the ones its kind implies. */
function problemCodesOf(
  spec: Pick<AnySpec, "method" | "auth" | "request" | "errors" | "limits" | "idempotent" | "proof">,
): ProblemCode[] {
  const codes = new Set<ProblemCode>();
  if (spec.limits?.length) codes.add("rate_limited");
  if (spec.auth) for (const code of [...authenticationProblems, ...scopeProblems]) codes.add(code);
  if (spec.proof) for (const code of proofProblems) codes.add(code);
  if (methodsWithBody.has(spec.method)) {
    for (const code of ["malformed_json", "payload_too_large", "validation_failed"] as const) codes.add(code);
    // Any body is read (a DELETE's too): its Content-Encoding and its nesting can be refused.
    for (const code of ["malformed_encoding", "nesting_too_deep", "unsupported_media_type"] as const) codes.add(code);
  }
  if (spec.request?.query || spec.request?.params) codes.add("validation_failed");
  if (spec.idempotent) {
    for (const code of ["validation_failed", "idempotency_key_reused", "idempotency_in_progress"] as const)
      codes.add(code);
  }
  for (const code of spec.errors ?? []) codes.add(code);
  for (const code of databaseProblemCodes) codes.add(code);
  codes.add("internal_error");
  return [...codes];
}

/** On the answers of an idempotent route: set when the answer repeats the first request's. */
const replayedHeaderDocument: ResponseConfig["headers"] = {
  "Idempotent-Replayed": {
    description: "`true` when this answer repeats the first one for the request's Idempotency-Key",
    required: false,
    schema: { type: "string", enum: ["true"] },
  },
};

const problemHeaders: Partial<Record<number, ResponseConfig["headers"]>> = {
  401: {
    "WWW-Authenticate": {
      description: "`Bearer`, with the error when a token was refused",
      schema: { type: "string" },
    },
  },
  429: { "Retry-After": { description: "Seconds until a retry may succeed", schema: { type: "integer" } } },
  503: { "Retry-After": { description: "Seconds until a retry may succeed", schema: { type: "integer" } } },
};

function operationFor(spec: AnySpec, pattern: string, linked: ReadonlyMap<number, { schema: z.ZodType }>): RouteConfig {
  const responses: RouteConfig["responses"] = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    const headers = {
      ...(response.headers &&
        Object.fromEntries(
          Object.entries(response.headers).map(([name, description]) => [
            name,
            { description, required: true, schema: { type: "string" as const } },
          ]),
        )),
      ...(spec.idempotent && replayedHeaderDocument),
    };
    const withLinks = linked.get(Number(status));
    responses[status] = {
      description: response.description,
      ...(Object.keys(headers).length > 0 && { headers }),
      ...(response.body && {
        content: {
          "application/json": { schema: response.body },
          ...(withLinks && { [hateoasMediaType]: { schema: withLinks.schema } }),
        },
      }),
    };
  }
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of problemCodesOf(spec)) {
    const status = problemCatalog[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const headers = problemHeaders[status];
    responses[String(status)] = {
      description: codes.map((code) => `\`${code}\`: ${problemCatalog[code].title}`).join("; "),
      ...(headers && { headers }),
      content: {
        "application/problem+json": {
          schema: problemSchema.extend({ code: zod.enum(codes as [ProblemCode, ...ProblemCode[]]) }),
        },
      },
    };
  }

  const body = spec.request?.body;
  const contentTypes = spec.request?.contentTypes ?? ["application/json"];
  return {
    method: spec.method,
    path: pattern,
    operationId: spec.operationId,
    tags: [...spec.tags],
    summary: spec.summary,
    ...((spec.description || spec.access) && {
      description: [spec.description, spec.access && credentialsSentence(spec.access, spec.proof !== undefined)]
        .filter(Boolean)
        .join("\n\n"),
    }),
    ...(spec.auth && { security: [{ bearerAuth: [] }, { apiKeyAuth: [] }] }),
    request: {
      ...(body && {
        body: {
          required: !body.safeParse(undefined).success,
          content: Object.fromEntries(
            contentTypes.map((type) => [type, { schema: spec.request?.bodyFor?.[type] ?? body }]),
          ),
        },
      }),
      ...(spec.request?.query && { query: spec.request.query }),
      ...(spec.request?.params && { params: spec.request.params }),
      ...(spec.idempotent && { headers: idempotencyHeaderSchema }),
    },
    responses,
  };
}
