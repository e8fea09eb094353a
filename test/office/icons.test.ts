import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { drawIcon, encodePng, ICON_SIZES } from "../../scripts/make-icons";

describe("the icons in assets/", () => {
  it.each(ICON_SIZES.map((s) => [s]))("icon-%i.png is exactly what scripts/make-icons.ts draws (npm run icons)", (size) => {
    const file = readFileSync(join(__dirname, "..", "..", "assets", `icon-${size}.png`));
    expect(file.equals(encodePng(size, size, drawIcon(size)))).toBe(true);
  });

  it("encodes a PNG whose pixels decode back to what was drawn", () => {
    const pixels = drawIcon(16);
    const png = encodePng(16, 16, pixels);
    const idat = png.subarray(33 + 8, png.length - 12 - 4);
    const raw = inflateSync(idat);
    const rows = Array.from({ length: 16 }, (_, y) => raw.subarray(y * 65 + 1, y * 65 + 65));
    expect(Buffer.concat(rows).equals(Buffer.from(pixels))).toBe(true);
    // Red field, yellow bars, rounded (mostly transparent) corners.
    expect(pixels[3]).toBeLessThan(0x80);
    const at = (x: number, y: number) => [...pixels.subarray((y * 16 + x) * 4, (y * 16 + x) * 4 + 4)];
    expect(at(1, 7)).toEqual([0xda, 0x25, 0x1d, 0xff]);
    expect(at(12, 8)).toEqual([0xff, 0xcd, 0x00, 0xff]);
  });
});
