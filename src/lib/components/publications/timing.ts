/** Words for a measurement point's timing ("Efter 4 uger"), from the template's own keys. */
import { t } from '#lib/i18n/index.svelte.ts';
import type { Timing } from '#lib/domain/template/index.ts';

/** The timing in words, or an empty string when the work group has not said. */
export function timingText(timing: Timing | null): string {
	if (!timing) return '';
	if (timing.kind === 'afterWeeks' || timing.kind === 'everyWeeks') {
		return t(`template.timing.${timing.kind}`, { count: timing.weeks });
	}
	return t(`template.timing.${timing.kind}`);
}
