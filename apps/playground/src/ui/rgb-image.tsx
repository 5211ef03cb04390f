import { useEffect, useRef } from "preact/hooks";

/** RGB bytes (row, column, channel) drawn on a canvas, scaled up without smoothing. */
export const RgbImage = ({
  rgb,
  width,
  height,
  scale = 2,
  title,
}: {
  readonly rgb: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly scale?: number;
  readonly title?: string;
}) => {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext("2d");
    if (context === undefined || context === null) return;
    const image = context.createImageData(width, height);
    for (let p = 0; p < width * height; p++) {
      image.data[4 * p] = rgb[3 * p] ?? 0;
      image.data[4 * p + 1] = rgb[3 * p + 1] ?? 0;
      image.data[4 * p + 2] = rgb[3 * p + 2] ?? 0;
      image.data[4 * p + 3] = 255;
    }
    context.putImageData(image, 0, 0);
  }, [rgb, width, height]);
  return (
    <canvas
      ref={canvas}
      width={width}
      height={height}
      title={title}
      style={{ width: `${width * scale}px`, height: `${height * scale}px`, imageRendering: "pixelated" }}
    />
  );
};
