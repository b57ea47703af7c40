// `pnpm start`: the whole product in one process (API, bot when BOT_TOKEN is set, reminders).
import { onShutdownSignal, runMain } from "@habits/runtime";
import { startProduct } from "./start-server.js";

runMain(async () => {
  const product = await startProduct(process.env, process.cwd());
  onShutdownSignal(product.logger, product.stop, { timeoutSeconds: product.shutdownTimeoutSeconds });
});
