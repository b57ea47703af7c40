// The resource kinds hypermedia answers link (`Accept: application/vnd.habit.hateoas+json`): each
// kind's item route and the schemas its objects come in. Declared before any route, so an answer
// that nests one (a session's user, a claim's reward) links it too.
import type { ApiRoutes } from "../http/route.js";
import { completionSchema } from "./completions/schemas.js";
import { habitListItemSchema, habitSchema } from "./habits/schemas.js";
import { rewardListItemSchema, rewardSchema } from "./rewards/schemas.js";
import { tagSchema } from "./tags/schemas.js";
import { apiKeySchema, createdApiKeySchema, userSchema } from "./users/schemas.js";

export function registerResources(routes: ApiRoutes): void {
  routes.resource({ path: "/habits/{id}", schemas: [habitSchema, habitListItemSchema] });
  routes.resource({ path: "/rewards/{id}", schemas: [rewardSchema, rewardListItemSchema] });
  routes.resource({ path: "/tags/{id}", schemas: [tagSchema] });
  routes.resource({ path: "/habit-logs/{id}", schemas: [completionSchema] });
  routes.resource({ path: "/users/me/api-keys/{id}", schemas: [apiKeySchema, createdApiKeySchema] });
  routes.resource({ path: "/users/me", schemas: [userSchema] });
}
