import { unknownApiPath } from '#lib/server/http/api.ts';

/** Unknown API paths answer with a JSON 404 instead of the HTML error page. */
export const fallback = unknownApiPath;
