import { describe, expect, it } from 'vitest';
import { params } from '../../../src/params/index.ts';
import { idSchema } from '#lib/domain/schemas.ts';

/** True when the `id` route matcher accepts `value`. */
async function matches(value: string): Promise<boolean> {
	const result = await params.id['~standard'].validate(value);
	return !result.issues;
}

describe('the id route matcher', () => {
	it('agrees with idSchema, so a URL the route refuses is one the server would refuse too', async () => {
		const samples = [
			'rwV0uN1ZgbPCOK4rxYQPNw',
			'abcdefgh',
			'a'.repeat(64),
			'a'.repeat(65),
			'short',
			'',
			'has space here',
			'has/slash/inside',
			'ümlaut-id-123',
			'a_b-c_d-e'
		];
		for (const sample of samples) {
			expect(await matches(sample), sample).toBe(idSchema.safeParse(sample).success);
		}
	});
});
