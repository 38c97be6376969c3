/** CPU milliseconds the calling thread has used so far (user + system), for load reports. */
export function threadCpuMs(): number {
	const usage = process.threadCpuUsage();
	return (usage.user + usage.system) / 1000;
}
