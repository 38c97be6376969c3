/** Text of the walkthrough in the page's language: an i18n key with values, or people's own text. */
import { t } from '#lib/i18n/index.svelte.ts';
import type { Txt } from '#lib/domain/rollout/schemas.ts';

/** The text `txt` stands for. */
export function say(txt: Txt): string {
	return 'text' in txt ? txt.text : t(txt.key, txt.params);
}
