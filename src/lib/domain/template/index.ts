/**
 * The læringsbevis template domain in one import: schemas and types, validation, rich text, the
 * starters' schema (the starters and the statement library are imported from `starters/`), the
 * rating plan, case data, and the two outputs (progressionsskema and læringsbevis) with the
 * example case the preview fills them with. Pure TypeScript with no Yjs; the Yjs binding lives in
 * `#lib/collab/template/template-binding.ts`.
 */
export * from './schemas.ts';
export * from './rich-text.ts';
export * from './problems.ts';
export { validateTemplate, normalizeLabel } from './validate.ts';
export { newItemId, templateItemIdSchema } from './ids.ts';
export * from './starter-schema.ts';
export * from './defaults.ts';
export { starterToTemplate } from './from-starter.ts';
// The starters (starters/index.ts) are imported from their module: through this one they were in
// every page's first load (the template domain is shared), parsed or not.
export * from './template-core.ts';
export * from './plan.ts';
export * from './inputs.ts';
export * from './case-data.ts';
export { exampleCase, type ExampleCase } from './example.ts';
export * from './progression.ts';
export * from './laeringsbevis.ts';
export * from './rating-forms.ts';
