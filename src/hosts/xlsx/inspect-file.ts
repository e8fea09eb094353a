import type { Reason } from "../../core/findings/reasons";

/** Whether `needle` occurs in `haystack`, byte for byte. */
function includesBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** "EncryptionInfo" as UTF-16LE, the stream name an encrypted Office file carries. */
const ENCRYPTION_INFO = Uint8Array.from([..."EncryptionInfo"].flatMap((c) => [c.charCodeAt(0), 0]));

/**
 * Why a file is not a workbook we can read, from its first bytes, before any parser sees it; null if it looks
 * like .xlsx. Plain bytes only, so the command line and the task pane (reading a picked file) share it.
 */
export function unusableReason(bytes: Uint8Array): Reason | null {
  if (bytes.length === 0) return { code: "empty-file" };
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { code: includesBytes(bytes, ENCRYPTION_INFO) ? "encrypted" : "xls" };
  }
  if (!starts([0x50, 0x4b, 0x03, 0x04])) {
    const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 512));
    if (/^[\s\S]*[,;\t][\s\S]*\n/.test(head) && !/[\u0000-\u0008]/.test(head)) return { code: "csv" };
    return { code: "not-xlsx" };
  }
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  if (head.includes("mimetypeapplication/vnd.oasis.opendocument.spreadsheet")) return { code: "ods" };
  return null;
}

const MAX_UNCOMPRESSED = 1024 * 1024 * 1024;
const MAX_ENTRIES = 20_000;

/** What a zip's central directory says it will inflate to, read before anything is inflated. */
function zipClaims(bytes: Uint8Array): { entries: number; uncompressed: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const from = Math.max(0, bytes.length - 22 - 65_535);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  let uncompressed = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const size = view.getUint32(offset + 24, true);
    // 0xFFFFFFFF defers to a ZIP64 record: at least 4 GB claimed, far past any district workbook.
    uncompressed += size === 0xffffffff ? 2 ** 32 : size;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return { entries, uncompressed };
}

/** A zip that claims to inflate past what any workbook needs is refused before it can exhaust memory. */
export function oversizeReason(bytes: Uint8Array): Reason | null {
  const claims = zipClaims(bytes);
  if (claims === null) return { code: "corrupt-zip" };
  if (claims.entries > MAX_ENTRIES || claims.uncompressed > MAX_UNCOMPRESSED) {
    return { code: "too-big", params: { gigabytes: claims.uncompressed / 2 ** 30, entries: claims.entries } };
  }
  return null;
}
