/**
 * Text from files and spreadsheets, made safe to print in a terminal. File names and values
 * can hold escape sequences that recolour the screen, plant a link (ESC ] 8), clear it, or a
 * carriage return or right-to-left mark that makes a line read as something else. Every such
 * character is shown as its escape (\x1b, \r, \u202e), so the author sees exactly what the
 * file holds and the terminal obeys none of it.
 */

/** C0 and C1 controls and DEL (Cc), bidirectional controls, and the Unicode line and paragraph separators. */
const hidden = /[\p{Cc}\p{Bidi_Control}\p{Zl}\p{Zp}]/gu;

const named: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function visible(text: string): string {
  return text.replace(hidden, (char) => {
    const code = char.charCodeAt(0);
    return named[char] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}
