/**
 * The processing record (fortegnelse, GDPR art. 30) of Drift, built from the data model: each
 * category of personal data names the tables that hold it (migrations 014 and 015), so a new
 * table of personal data belongs here too. Labels are i18n keys under `privacy.record.*`.
 */
import { DEFAULT_RETENTION_MONTHS } from './retention.ts';

/** One category of personal data: whose, what, where it is stored. */
export type DataCategory = {
	id: string;
	subjects: 'youngPeople' | 'staff' | 'mentors';
	tables: readonly string[];
};

export const DATA_CATEGORIES: readonly DataCategory[] = [
	{ id: 'identity', subjects: 'youngPeople', tables: ['young_people'] },
	{
		id: 'internship',
		subjects: 'youngPeople',
		tables: ['cases', 'case_statements', 'case_point_progress']
	},
	{
		id: 'goals',
		subjects: 'youngPeople',
		tables: ['case_sub_goals', 'case_sub_goal_statuses', 'case_own_words']
	},
	{ id: 'ratings', subjects: 'youngPeople', tables: ['case_ratings', 'case_agreed_levels'] },
	{ id: 'signatures', subjects: 'mentors', tables: ['case_signatures', 'case_links'] },
	{ id: 'staff', subjects: 'staff', tables: ['users', 'case_staff'] },
	{ id: 'log', subjects: 'staff', tables: ['audit_log', 'case_purposes'] }
];

/** Why the data is processed (keys under `privacy.record.purpose.*`). */
export const PROCESSING_PURPOSES = [
	'documentation',
	'followUp',
	'certificate',
	'statistics',
	'control'
] as const;

/** Who receives data (keys under `privacy.record.recipient.*`). */
export const RECIPIENTS = ['youngPerson', 'company', 'evaluators'] as const;

/** The default retention, in months after a case is closed (each municipality sets its own). */
export const RECORD_RETENTION_MONTHS = DEFAULT_RETENTION_MONTHS;
