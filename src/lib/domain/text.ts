/** Small helpers for Danish text built from the work group's labels. */

/**
 * A label as it reads inside a sentence: "Udvikling i faglige kompetencer", "Niveau ved slut",
 * not "Udvikling i Faglige kompetencer" (no capitals mid-sentence). A label that starts with an
 * abbreviation ("IT-kompetencer", "UU-vejleder") keeps its capitals.
 */
export function inSentence(label: string): string {
	const trimmed = label.trim();
	const isAbbreviation = /^\p{Lu}\p{Ll}*\p{Lu}/u.test(trimmed);
	return isAbbreviation ? trimmed : trimmed.charAt(0).toLocaleLowerCase('da') + trimmed.slice(1);
}
