/**
 * Raw HTTP requests with node:http, for what fetch cannot send: another Host header (as a reverse
 * proxy would pass it), a chunked body written piece by piece, a path that is not valid
 * percent-encoding. A connection reset rejects the promise, so a test sees it as a failure.
 */
import http from 'node:http';

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

export type RawRequest = {
	method?: string;
	/** Sent exactly as given, without any encoding or normalisation. */
	path: string;
	headers?: Record<string, string>;
	/** One string is sent with a Content-Length; an array is sent chunked, one write per piece. */
	body?: string | string[];
};

/** Sends one request to `baseUrl` (http://host:port) and reads the whole answer. */
export function rawRequest(baseUrl: string, request: RawRequest): Promise<RawResponse> {
	const { hostname, port } = new URL(baseUrl);
	return new Promise((resolve, reject) => {
		const req = http.request({
			host: hostname,
			port,
			method: request.method ?? 'GET',
			path: request.path,
			headers: request.headers,
			agent: false
		});
		req.on('error', reject);
		req.on('response', (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => (body += chunk));
			res.on('error', reject);
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
		});
		const { body } = request;
		if (Array.isArray(body)) {
			for (const piece of body) req.write(piece);
			req.end();
		} else {
			req.end(body);
		}
	});
}
