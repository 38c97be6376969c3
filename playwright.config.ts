import { defineConfig } from '@playwright/test';

/**
 * Browser tests run Debian's Chromium (Playwright's own browser download does not work on our
 * machines). Each worker starts its own real server; see tests/e2e/fixtures.ts.
 */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
	testDir: 'tests/e2e',
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: 2,
	// Two browser contexts, a real server and axe scans (about 5 s each on the template page of
	// a quiet machine) run 20-30 s alone and up to 2.5 times longer with both workers busy on
	// two cores: a CI run measured 53 s for a 20-s test. 90 s keeps a margin; hangs still fail.
	timeout: 90_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	projects: [
		{ name: 'chromium', testIgnore: /no-js\.spec\.ts/ },
		{ name: 'no-javascript', testMatch: /no-js\.spec\.ts/, use: { javaScriptEnabled: false } }
	]
});
