import type { HandleClientError } from '@sveltejs/kit/hooks';

/** Never shows a raw client-side error; the error page renders a translated message. */
export const handleError: HandleClientError = ({ kind }) => {
	return kind === 'unknown' ? { message: 'unexpected' } : {};
};
