/**
 * Line endings of a record typed on Windows (Notepad writes CRLF): read as LF by the YAML parser,
 * and a file thidua rewrites keeps the endings it had.
 */

/** True when the file's first line ends with CRLF. */
export function usesCrlf(bytes: Uint8Array): boolean {
  const lf = bytes.indexOf(10);
  return lf > 0 && bytes[lf - 1] === 13;
}

/** The text with every line ending as CRLF (`crlf`) or left as it is. */
export function withLineEndings(text: string, crlf: boolean): string {
  return crlf ? text.replace(/\r?\n/g, '\r\n') : text;
}
