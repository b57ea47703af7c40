// zod with `.openapi()`: every schema of the API imports `z` from here, so the extension is in place
// before any schema is built (an ES module runs its imports first).
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

extendZodWithOpenApi(z);

export { z };
