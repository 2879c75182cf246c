/**
 * Terminal output hygiene: colour through `node:util` `styleText`, which itself honours
 * NO_COLOR, FORCE_COLOR, NODE_DISABLE_COLORS and whether the stream is a TTY; and model or
 * repository text made safe to print (no escape sequences that could move the cursor, retitle
 * the window or hide what was printed).
 */
import { styleText } from 'node:util';

export type StyleFormat = Parameters<typeof styleText>[0];
/** Styles `text`, or returns it unchanged when colour is off. */
export type Paint = (format: StyleFormat, text: string) => string;

export const plain: Paint = (_format, text) => text;

/** A painter for `stream`: colour only when styleText decides the stream wants it. */
export function painterFor(stream: NodeJS.WriteStream): Paint {
  return (format, text) => styleText(format, text, { stream, validateStream: true });
}

// C0 controls except tab and newline, DEL, and C1 controls (ESC sequences start with one of these).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** `text` without control characters (carriage returns included: CRLF becomes LF). */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, '');
}
