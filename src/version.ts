/** The package version; a test keeps it equal to package.json's (no JSON import at start-up). */
export const VERSION = '1.0.0';
