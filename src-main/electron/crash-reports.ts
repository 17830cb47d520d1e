/**
 * Crash reports stay on this computer: Crashpad writes minidumps to the app's
 * crashDumps folder and never uploads them (clinics are offline, and a dump
 * can hold memory with patient data). Support gets what the physician chooses
 * to send: the diagnostic bundle lists the dumps, and the dumps can be sent by hand.
 */
import type { CrashReporter } from 'electron';

export function setupCrashReports(crashReporter: Pick<CrashReporter, 'start'>): void {
  crashReporter.start({ uploadToServer: false, compress: true, ignoreSystemCrashHandler: false });
}
