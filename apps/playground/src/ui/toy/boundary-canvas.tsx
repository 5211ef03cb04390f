import type { Matrix } from "@stepwise/tensor";
import { useEffect, useRef } from "preact/hooks";
import type { Boundary } from "../../engine/protocol.js";

const SIZE = 360;

/** Blue for class 0, orange for class 1 (TensorFlow Playground's colours), mixed by the output. */
const colourOf = (v: number): readonly [number, number, number] => {
  const t = Math.min(1, Math.max(0, v));
  return [Math.round(8 + t * (245 - 8)), Math.round(119 + t * (147 - 119)), Math.round(189 + t * (34 - 189))];
};

/**
 * The decision-boundary heat map (the network's output over a grid) with the points on top: training
 * points filled, test points outlined.
 */
export const BoundaryCanvas = ({
  boundary,
  train,
  test,
}: {
  readonly boundary: Boundary | null;
  readonly train: { readonly X: Matrix; readonly Y: Matrix } | null;
  readonly test: { readonly X: Matrix; readonly Y: Matrix } | null;
}) => {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext("2d");
    if (context === undefined || context === null) return;
    context.clearRect(0, 0, SIZE, SIZE);
    const range = boundary ?? (train === null ? null : rangeOf(train.X));
    if (range === null) return;
    if (boundary !== null && boundary.values.length === boundary.size * boundary.size) {
      const image = context.createImageData(boundary.size, boundary.size);
      boundary.values.forEach((v, k) => {
        const [r, g, b] = colourOf(v);
        image.data.set([r, g, b, 110], 4 * k);
      });
      const off = document.createElement("canvas");
      off.width = boundary.size;
      off.height = boundary.size;
      off.getContext("2d")?.putImageData(image, 0, 0);
      context.imageSmoothingEnabled = true;
      context.drawImage(off, 0, 0, SIZE, SIZE);
    }
    const toPx = (x: number, y: number): readonly [number, number] => [
      ((x - range.x0) / (range.x1 - range.x0)) * SIZE,
      ((range.y1 - y) / (range.y1 - range.y0)) * SIZE,
    ];
    const draw = (points: { readonly X: Matrix; readonly Y: Matrix }, filled: boolean): void => {
      const m = points.X.cols;
      for (let j = 0; j < m; j++) {
        const [px, py] = toPx(points.X.data[j] as number, points.X.data[m + j] as number);
        const [r, g, b] = colourOf(points.Y.data[j] as number);
        context.beginPath();
        context.arc(px, py, 3.2, 0, 2 * Math.PI);
        context.fillStyle = filled ? `rgb(${r},${g},${b})` : "white";
        context.strokeStyle = filled ? "white" : `rgb(${r},${g},${b})`;
        context.lineWidth = filled ? 0.8 : 1.6;
        context.fill();
        context.stroke();
      }
    };
    if (test !== null) draw(test, false);
    if (train !== null) draw(train, true);
  }, [boundary, train, test]);
  return <canvas ref={canvas} width={SIZE} height={SIZE} class="boundary" data-testid="boundary" />;
};

const rangeOf = (X: Matrix): { x0: number; x1: number; y0: number; y1: number } => {
  const xs = Array.from(X.data.subarray(0, X.cols));
  const ys = Array.from(X.data.subarray(X.cols));
  return {
    x0: Math.min(...xs) - 1,
    x1: Math.max(...xs) + 1,
    y0: Math.min(...ys) - 1,
    y1: Math.max(...ys) + 1,
  };
};
