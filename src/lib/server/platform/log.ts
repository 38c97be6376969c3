/** Structured JSON logging (one line per event) through pino. */
import { pino } from 'pino';

const requested = process.env.LOG_LEVEL ?? 'info';
/**
 * The process logger; `LOG_LEVEL` sets the level (default info, `silent` in noisy tests). An
 * unknown level falls back to info here, because this module loads before the configuration is
 * read; `loadConfig()` then refuses it with a readable message instead of pino's stack trace.
 */
export const log = pino({
	level: requested === 'silent' || requested in pino.levels.values ? requested : 'info',
	base: { service: 'formvaerk' },
	timestamp: pino.stdTimeFunctions.isoTime
});
