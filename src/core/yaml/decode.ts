/** Bytes to text: UTF-8 (a byte order mark allowed), UTF-16 and bad bytes told apart. */

export function decodeUtf8(bytes: Uint8Array): { text: string; badOffset: number | null; utf16: boolean } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { text: '', badOffset: 0, utf16: true };
  }
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), badOffset: null, utf16: false };
  } catch {
    const loose = new TextDecoder('utf-8').decode(body);
    const at = loose.indexOf('\uFFFD');
    return { text: loose, badOffset: at < 0 ? 0 : at, utf16: false };
  }
}
