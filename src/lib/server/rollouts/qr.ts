/**
 * The QR code of a join link as SVG markup (the `qrcode` package, no canvas), rendered by the
 * server so the browser bundle stays without it. The markup holds only paths built from the link.
 */
import QRCode from 'qrcode';

/** An SVG QR code for `url`, with a quiet zone, scaling to its container. */
export function qrSvg(url: string): Promise<string> {
	return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
