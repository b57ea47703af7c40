export { type ApiDependencies, createApp } from "./create-app.js";
export { type ApiConfig, apiConfigFrom, apiConfigShape } from "./env.js";
export { listen, type RunningServer } from "./listen.js";
