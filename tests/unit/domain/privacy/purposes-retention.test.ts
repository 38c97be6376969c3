import { describe, expect, it } from 'vitest';
import {
	parsePurposeHeader,
	purposeHeaderValue,
	purposeSchema
} from '#lib/domain/privacy/purposes.ts';
import {
	closedBound,
	expiresAt,
	isExpired,
	retentionSchema
} from '#lib/domain/privacy/retention.ts';

describe('purposes', () => {
	it('reads a kind from the header, and other with its encoded text', () => {
		expect(parsePurposeHeader('followUp')).toEqual({ kind: 'followUp', text: '' });
		const other = { kind: 'other' as const, text: 'Aktindsigt, sag 12 – æøå' };
		expect(parsePurposeHeader(purposeHeaderValue(other))).toEqual(other);
	});

	it('treats a missing header as none and a wrong one as invalid', () => {
		expect(parsePurposeHeader(null)).toBeNull();
		expect(parsePurposeHeader('  ')).toBeNull();
		expect(parsePurposeHeader('curiosity')).toBe('invalid');
		expect(parsePurposeHeader('other')).toBe('invalid');
		expect(parsePurposeHeader('other; text=%E0%A4%A')).toBe('invalid');
	});

	it('drops the text of a purpose that is not "andet"', () => {
		expect(purposeSchema.parse({ kind: 'complaint', text: 'x' })).toEqual({
			kind: 'complaint',
			text: ''
		});
	});
});

describe('retention', () => {
	it('accepts 1 to 120 months and refuses 0 and over ten years', () => {
		expect(retentionSchema.safeParse({ months: 1 }).success).toBe(true);
		expect(retentionSchema.safeParse({ months: 120 }).success).toBe(true);
		expect(retentionSchema.safeParse({ months: 0 }).error?.issues[0].message).toBe(
			'privacy.retention.tooShort'
		);
		expect(retentionSchema.safeParse({ months: 121 }).error?.issues[0].message).toBe(
			'privacy.retention.tooLong'
		);
		expect(retentionSchema.safeParse({ months: 1.5 }).success).toBe(false);
	});

	it('expires in calendar months, at the end of a shorter month', () => {
		const jan31 = Date.UTC(2026, 0, 31, 12);
		expect(new Date(expiresAt(jan31, 1)).toISOString()).toBe('2026-02-28T12:00:00.000Z');
		expect(new Date(expiresAt(jan31, 12)).toISOString()).toBe('2027-01-31T12:00:00.000Z');
		expect(isExpired(jan31, 12, Date.UTC(2027, 0, 31, 11))).toBe(false);
		expect(isExpired(jan31, 12, Date.UTC(2027, 0, 31, 12))).toBe(true);
		expect(isExpired(null, 1, Date.now())).toBe(false);
	});

	it('bounds the query below every expired case', () => {
		for (const months of [1, 2, 12, 120]) {
			for (let day = 0; day < 400; day += 7) {
				const closed = Date.UTC(2025, 0, 1) + day * 86_400_000;
				const now = expiresAt(closed, months);
				expect(closed).toBeLessThanOrEqual(closedBound(now, months));
			}
		}
	});
});
