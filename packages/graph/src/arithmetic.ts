import { type Combined, plus, times, unbroadcast, type Value, type Widen } from "./value.js";

/** What `mul` and `add` remember: both inputs (`add` reads only their shapes, to undo broadcasting). */
export interface BinaryCache<X extends Value, Y extends Value> {
  readonly x: X;
  readonly y: Y;
}

/**
 * A two-input node on numbers or matrices. Two numbers give a number; a matrix on either side gives a
 * matrix (numpy broadcasting), and each gradient comes back in its own input's kind and shape.
 */
export interface BinaryNode {
  readonly forward: <X extends Value, Y extends Value>(
    x: X,
    y: Y,
  ) => readonly [out: Combined<X, Y>, cache: BinaryCache<Widen<X>, Widen<Y>>];
  readonly backward: <X extends Value, Y extends Value>(
    dout: Combined<X, Y>,
    cache: BinaryCache<X, Y>,
  ) => readonly [dx: Widen<X>, dy: Widen<Y>];
}

// The casts below restate what `times`/`plus`/`unbroadcast` guarantee at run time (a number for two
// numbers, a matrix otherwise; a gradient of its input's kind), which TypeScript cannot follow through
// the conditional types.
const node = (
  f: (x: Value, y: Value) => Value,
  grads: (dout: Value, x: Value, y: Value) => readonly [Value, Value],
): BinaryNode =>
  Object.freeze({
    forward: <X extends Value, Y extends Value>(x: X, y: Y) =>
      [f(x, y) as Combined<X, Y>, { x, y } as BinaryCache<Widen<X>, Widen<Y>>] as const,
    backward: <X extends Value, Y extends Value>(dout: Combined<X, Y>, { x, y }: BinaryCache<X, Y>) => {
      const [dx, dy] = grads(dout, x, y);
      return [unbroadcast(dx, x) as Widen<X>, unbroadcast(dy, y) as Widen<Y>] as const;
    },
  });

/**
 * The notes' `MulLayer`: `out = x · y`; backward swaps the inputs, `dx = dout · y`, `dy = dout · x`.
 * `mul.forward(100, 2)` is `[200, cache]`; `mul.backward(1.1, cache)` is `[2.2, 110.00000000000001]`.
 */
export const mul: BinaryNode = node(times, (dout, x, y) => [times(dout, y), times(dout, x)]);

/** The notes' `AddLayer`: `out = x + y`; backward passes `dout` through to both inputs unchanged. */
export const add: BinaryNode = node(plus, (dout) => [dout, dout]);
