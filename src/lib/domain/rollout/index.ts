/**
 * Dag 3 in one import: the walkthrough generated from a published version and the facilitator's
 * slides, check questions and grading, join codes, the self-check and its aggregate, progress,
 * completion and its CSV. Pure TypeScript; the server keeps the sessions (`lib/server/rollouts`).
 */
export * from './schemas.ts';
export * from './walkthrough.ts';
export { whenText } from './walkthrough-drejebog.ts';
export { timingText } from './walkthrough-template.ts';
export * from './questions.ts';
export * from './join-code.ts';
export * from './self-check.ts';
export * from './completion.ts';
