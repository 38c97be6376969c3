import type { HandleClientError } from '@sveltejs/kit';
import { z } from 'zod';

// zod compiles fast parsers with `new Function` when it may, and probes for that once; under our
// Content-Security-Policy (no 'unsafe-eval') the probe is refused and reported as a violation.
// The interpreted parsers are fast enough for the few small objects the browser validates.
z.config({ jitless: true });

/** Never shows a raw client-side error; the error page renders a translated message. */
export const handleError: HandleClientError = ({ status, message }) => {
	return { message: status < 500 ? message : 'unexpected' };
};
