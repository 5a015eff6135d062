/**
 * Record text made inert for one line of a terminal: control characters (ESC, CSI, OSC, C1),
 * bidirectional overrides, isolates and marks (LRM, RLM, ALM), the line and paragraph separators
 * (U+2028, U+2029), and newline, carriage return and tab too, are shown escaped, so no name
 * can drive the terminal or print a line of its own (a fake “✓ Hồ sơ hợp lệ”).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function inert(text: string): string {
  return text.replace(CONTROL, (c) => {
    const named = NAMED[c];
    if (named !== undefined) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
