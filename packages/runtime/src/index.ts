export { createBcryptHasher } from "./bcrypt-hasher.js";
export { baseConfigShape, ConfigError, databaseLimitsFrom, parseConfig, setting } from "./config.js";
export { createLogger, type Logger, type LoggerOptions, type LogLevel, logLevels } from "./logger.js";
export { nodeSecrets } from "./node-secrets.js";
export { runMain, secretsIn } from "./run-main.js";
export { readOrCreateSecretFile } from "./secret-file.js";
export { onShutdownSignal } from "./shutdown.js";
export { systemClock } from "./system-clock.js";
export { systemRandom } from "./system-random.js";
