import type { HandleClientError } from '@sveltejs/kit';

/** Never shows a raw client-side error; the error page renders a translated message. */
export const handleError: HandleClientError = ({ status, message }) => {
	return { message: status < 500 ? message : 'unexpected' };
};
