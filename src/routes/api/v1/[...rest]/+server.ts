import { unknownApiPath } from '#lib/server/api.ts';

/** Unknown API paths answer with a JSON 404 instead of the HTML error page. */
export const fallback = unknownApiPath;
