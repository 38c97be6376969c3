/**
 * The drejebog domain in one import: schemas and types, defaults, validation against the
 * template, the starter drejebog, and the "CV og Min Plan" rule applied to a case. Pure
 * TypeScript with no Yjs; the Yjs binding lives in `#lib/collab/drejebog/`.
 */
export * from './schemas.ts';
export * from './limits.ts';
export * from './defaults.ts';
export * from './problems.ts';
export * from './roles.ts';
export * from './timing.ts';
export { validateDrejebog, validateDrejebogOwn } from './validate.ts';
export { linkExists } from './validate-coverage.ts';
export { starterDrejebog, STARTER_DREJEBOG } from './starter.ts';
export * from './cv-plan.ts';
export * from './describe.ts';
