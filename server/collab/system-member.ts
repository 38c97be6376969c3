/**
 * A room member without a socket: the server itself submitting an update through a room's
 * pipeline (a server-side edit on someone's behalf, document-editor.ts, or the shape upgrade at
 * load, room.ts), so it is stored before it is applied and broadcast, like any client's.
 */
import type { RoomMember } from './room.ts';

/** The author recorded in the log for updates the server makes on nobody's behalf. */
export const SYSTEM_AUTHOR_ID = 'system';

/**
 * Stands for `userId` in the room; it receives no broadcasts (it is never added to the room),
 * and `fail` records why the room refused its update.
 */
export class SystemMember implements RoomMember {
	readonly user: { id: string; name: string };
	readonly awarenessIds = new Set<number>();
	/** Only the server and facilitator actions (`run`) submit through it: locks do not apply. */
	readonly canBypassLocks = true;
	failure: string | null = null;

	constructor(userId: string) {
		this.user = { id: userId, name: 'Formværk' };
	}

	send(): void {}

	fail(code: number, reason: string): void {
		this.failure ??= `${reason} (${code})`;
	}
}
