/** Structured JSON logging (one line per event) through pino. */
import { pino } from 'pino';

/** The process logger; `LOG_LEVEL` sets the level (default info, `silent` in noisy tests). */
export const log = pino({
	level: process.env.LOG_LEVEL ?? 'info',
	base: { service: 'formvaerk' },
	timestamp: pino.stdTimeFunctions.isoTime
});
