import QRCode from 'qrcode';

// M recovers ~15% damage: enough for a scuffed phone screen or a creased print-out
// without making the code for a ~60-character URL so dense that door scanners struggle.
// A one-module quiet zone keeps the SVG compact; callers place it on a white background.
const BASE = { errorCorrectionLevel: 'M', margin: 1 } as const;

/** SVG markup of a QR code for `text` (normally a ticket URL). */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...BASE, type: 'svg' });
}

/**
 * PNG of a QR code for `text`, for embedding in the PDF. 512 px is comfortably
 * more than the ~2 inches it is printed at, so it stays sharp at 300 dpi.
 */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...BASE, type: 'png', width: 512 });
}
