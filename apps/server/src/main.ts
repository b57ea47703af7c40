// `pnpm start`: the whole product in one process (API, bot when BOT_TOKEN is set, reminders).
import { runMain } from "@habits/runtime";
import { startProduct } from "./start-server.js";

runMain(() => startProduct(process.env, process.cwd()));
