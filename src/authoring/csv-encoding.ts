/**
 * The text of a CSV file a business manager saved, or why it cannot be trusted. A file larger
 * than the import's limit is refused before it is read (src/model/limits.ts says why). Only UTF-8 is
 * read (with or without a byte-order mark). A file in any other encoding is refused, never
 * guessed at: Excel's plain "CSV (Comma delimited)" saves Windows-1252 on a UK PC and turns
 * every character that encoding lacks (Welsh ŵ and ŷ, many names, emoji) into "?", and a Mac
 * saves the same bytes meaning other letters, so a guess could write wrong text into the
 * public plan where no check would notice it.
 */

import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { limits } from '../model/limits.ts';

export interface EncodingProblem {
  /** The line the first undecodable byte is on, when there is one. */
  line?: number;
  message: string;
  hint: string;
}

/** The file's text, or why it cannot be imported: it is missing, too large, or not CSV UTF-8. */
export function readCsvFile(file: string): { text: string } | { problem: EncodingProblem } {
  let bytes: Buffer;
  try {
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size > limits.importCsvBytes) return { problem: tooLarge(size) };
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    return {
      problem: {
        message: code === 'ENOENT' ? 'there is no such file' : `the file cannot be read (${code ?? String(error)})`,
        hint: 'give the path of the CSV file you saved, like: npm run import -- actions.csv',
      },
    };
  }
  // Read through the descriptor, so a file that grew after it was measured is caught too.
  if (bytes.length > limits.importCsvBytes) return { problem: tooLarge(bytes.length) };
  return decodeCsv(bytes);
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;

function tooLarge(size: number): EncodingProblem {
  return {
    message: `the file is ${megabytes(size)}, more than the import's limit of ${megabytes(limits.importCsvBytes)}`,
    hint: "a partnership's whole actions.csv is usually well under 1 MB: import the file the site published, with only your changes, or split the rows across several files",
  };
}

const saveAsUtf8 = 'in Excel, choose File > Save As and the type "CSV UTF-8 (Comma delimited) (*.csv)", then import that file';

export function decodeCsv(bytes: Uint8Array): { text: string } | { problem: EncodingProblem } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: { message: 'the file is saved as Unicode Text (UTF-16), not as CSV', hint: saveAsUtf8 } };
  }
  // UTF-16 without its byte-order mark has a NUL byte beside every plain letter.
  if (bytes.includes(0)) {
    return {
      problem: { message: 'the file holds NUL characters, so it is not CSV text (it may be saved as Unicode Text)', hint: saveAsUtf8 },
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    const line = bytes.subarray(0, at).filter((b) => b === 0x0a).length + 1;
    const byte = bytes[at];
    const asWindows1252 = new TextDecoder('windows-1252').decode(Uint8Array.of(byte));
    const reading = /\p{Cc}/u.test(asWindows1252)
      ? ''
      : `, which is ${asWindows1252} in Windows-1252 (Excel's "CSV (Comma delimited)") but another character in other encodings`;
    return {
      problem: {
        line,
        message: `the file is not saved as UTF-8, so its accents and quotes cannot be read for certain: this line has the byte 0x${byte.toString(16).padStart(2, '0')}${reading}`,
        hint: saveAsUtf8,
      },
    };
  }
  return { text };
}

/** Where UTF-8 decoding first fails: the shortest prefix a strict decoder rejects, found by halving. */
function firstInvalidByte(bytes: Uint8Array): number {
  const decodes = (length: number) => {
    try {
      // `stream` lets a prefix end part-way through a character; only a wrong byte throws.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  if (decodes(bytes.length)) {
    // Every byte is right but the file stops part-way through a character: point at its start.
    let start = bytes.length - 1;
    while (start > 0 && (bytes[start] & 0xc0) === 0x80) start -= 1;
    return start;
  }
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (decodes(middle)) good = middle;
    else bad = middle;
  }
  return bad - 1;
}
