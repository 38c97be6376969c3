/** A tiny cookie-keeping HTTP client for API tests against the real server. */

export type ApiResponse<T = unknown> = { status: number; body: T; headers: Headers };

/** Keeps the session cookie between calls like a browser would. */
export class ApiClient {
	private cookie = '';
	/** Headers sent with every request (e.g. a case purpose, `X-Formvaerk-Purpose`). */
	readonly headers: Record<string, string> = {};
	constructor(readonly baseUrl: string) {}

	/**
	 * Sends a JSON request; `body` undefined sends none, a string is sent raw. Every request but
	 * GET carries `content-type: application/json`, even without a body: SvelteKit refuses a
	 * state-changing request with neither a content type nor an Origin as a possible cross-site
	 * form post (docs/api.md). `extraHeaders` override the defaults (tests of bad requests).
	 */
	async request<T = unknown>(
		method: string,
		path: string,
		body?: unknown,
		extraHeaders: Record<string, string> = {}
	): Promise<ApiResponse<T>> {
		const headers: Record<string, string> = { accept: 'application/json' };
		if (this.cookie) headers.cookie = this.cookie;
		if (body !== undefined || method !== 'GET') headers['content-type'] = 'application/json';
		Object.assign(headers, this.headers, extraHeaders);
		const response = await fetch(this.baseUrl + path, {
			method,
			headers,
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
			redirect: 'manual'
		});
		const setCookie = response.headers
			.getSetCookie()
			.find((c) => c.startsWith('formvaerk_session='));
		if (setCookie) {
			const value = setCookie.split(';')[0];
			this.cookie = value.endsWith('=') ? '' : value;
		}
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : null;
		} catch {
			// Not JSON (an HTML page): keep the text so a failing assertion shows it.
		}
		return { status: response.status, body: parsed as T, headers: response.headers };
	}

	/** The raw Cookie header value, for WebSocket upgrades. */
	get cookieHeader(): string {
		return this.cookie;
	}

	/** A second client holding the same session cookie (another tab, a stolen cookie). */
	clone(): ApiClient {
		const copy = new ApiClient(this.baseUrl);
		copy.cookie = this.cookie;
		return copy;
	}

	/** Logs in through the API. */
	async login(email: string, password: string): Promise<ApiResponse> {
		return this.request('POST', '/api/v1/session', { email, password });
	}
}
