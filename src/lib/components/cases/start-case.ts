/** What the "start a case" form offers, read from the versions in operation by its page. */
export type StartCaseChoices = {
	/** The versions in operation the person may start a case from (usually one). */
	versions: { id: string; label: string }[];
	/** The chosen version's statements by area (the form's ticks). */
	areas: {
		areaId: string;
		areaLabel: string;
		statements: { statementId: string; text: string }[];
	}[];
	/** The version's sub-goals, offered for rewording (their links to statements are kept). */
	subGoals: { id: string; text: string; statementIds: string[] }[];
	/** Earlier cases the person may start from (the same young person's end ratings). */
	previousCases: { id: string; label: string; firstName: string; lastName: string }[];
};

/** What each part of the start form gets: values to show again and field messages (i18n keys). */
export type StartFieldProps = {
	values: Record<string, string>;
	fields: Record<string, string>;
};
