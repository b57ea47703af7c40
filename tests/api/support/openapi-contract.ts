// Checks an HTTP answer against the served OpenAPI document: the operation for the method and path,
// a status it declares, a content type it declares, the required headers, and the JSON body
// against the response schema (Ajv, JSON Schema 2020-12, as OpenAPI 3.1 uses).
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS: its function is the default export's default under NodeNext.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

interface MediaType {
  schema?: unknown;
}
interface ResponseObject {
  description: string;
  headers?: Record<string, { required?: boolean }>;
  content?: Record<string, MediaType>;
}
interface Operation {
  operationId?: string;
  responses: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

export interface Contract {
  document: OpenApiDocument;
  /** Throws, saying what does not match, when the answer is not one the document describes. */
  check(method: string, url: string, answer: HttpAnswer): void;
  /** The documented operation for a request, if any. */
  operationFor(method: string, url: string): { template: string; operation: Operation } | undefined;
}

const documentId = "https://habits.test/openapi.json";
const pointer = (...segments: string[]) =>
  segments.map((segment) => segment.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

export function createContract(document: OpenApiDocument): Contract {
  // Not strict: OpenAPI adds keywords (example, discriminator...) that are not JSON Schema's.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: documentId });
  const validators = new Map<string, ValidateFunction>();
  const validatorFor = (path: string) => {
    let validate = validators.get(path);
    if (!validate) {
      validate = ajv.compile({ $ref: `${documentId}#/${path}` });
      validators.set(path, validate);
    }
    return validate;
  };

  // Literal paths before templated ones, so /habits/calendar is not taken for /habits/{id}.
  const templates = Object.keys(document.paths)
    .map((template) => ({
      template,
      pattern: new RegExp(`^${template.replaceAll(/\{[^}]+\}/g, "[^/]+")}$`),
      variables: (template.match(/\{/g) ?? []).length,
    }))
    .sort((a, b) => a.variables - b.variables);

  function operationFor(method: string, url: string) {
    const path = new URL(url, "http://x").pathname;
    for (const { template, pattern } of templates) {
      const operation = pattern.test(path) ? document.paths[template]?.[method.toLowerCase()] : undefined;
      if (operation) return { template, operation };
    }
    return undefined;
  }

  function validateBody(schemaPath: string, body: unknown, where: string) {
    const validate = validatorFor(schemaPath);
    if (!validate(body)) {
      throw new Error(
        `${where}: the body does not match the document: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body, null, 2)}`,
      );
    }
  }

  return {
    document,
    operationFor,
    check(method, url, answer) {
      const where = `${method.toUpperCase()} ${url} → ${answer.status}`;
      const found = operationFor(method, url);
      const mediaType = answer.headers.get("content-type")?.split(";")[0]?.trim();
      if (!found) {
        // An unknown route: a 404 problem, of the shape every problem has.
        if (answer.status !== 404) throw new Error(`${where}: no operation in the document for this request`);
        if (mediaType !== "application/problem+json")
          throw new Error(`${where}: a 404 must be a problem, got ${mediaType}`);
        validateBody(pointer("components", "schemas", "Problem"), JSON.parse(answer.text), where);
        return;
      }
      const { template, operation } = found;
      const status = String(answer.status);
      const response = operation.responses[status] ?? operation.responses.default;
      if (!response) {
        throw new Error(
          `${where}: ${operation.operationId} declares ${Object.keys(operation.responses).join(", ")}, not ${status}\n${answer.text}`,
        );
      }
      for (const [name, header] of Object.entries(response.headers ?? {})) {
        if (header.required && !answer.headers.has(name)) throw new Error(`${where}: the ${name} header is missing`);
      }
      const content = response.content;
      if (!content) {
        if (answer.text !== "") throw new Error(`${where}: the document declares no body, got ${answer.text}`);
        return;
      }
      if (!mediaType || !(mediaType in content)) {
        throw new Error(`${where}: content type ${mediaType} is not one of ${Object.keys(content).join(", ")}`);
      }
      if (!/[/+]json$/.test(mediaType)) return;
      const schemaPath = pointer(
        "paths",
        template,
        method.toLowerCase(),
        "responses",
        status,
        "content",
        mediaType,
        "schema",
      );
      validateBody(schemaPath, JSON.parse(answer.text), where);
    },
  };
}
