// The drain-on-close server lives in @habits/runtime (the bot's webhook-only process uses it too).
export { listen, type RunningServer } from "@habits/runtime";
export { type ApiDependencies, createApp } from "./create-app.js";
export { type ApiConfig, apiConfigFrom, apiConfigShape } from "./env.js";
export { type BackgroundWork, createBackgroundWork } from "./http/background-work.js";
