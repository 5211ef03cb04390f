/**
 * A node of a computational graph, as the notes' layers are (`MulLayer`, `AddLayer`, `Relu`, `Affine`,
 * `SoftmaxWithLoss`), but pure: instead of remembering its inputs in `self`, `forward` returns what the
 * backward pass needs as a `cache` value, and `backward` takes it back. Nothing is stored or mutated, so a
 * node can be used any number of times in one graph and the caches say exactly what each use saw.
 *
 * - `forward(...inputs)` → `[out, cache]`
 * - `backward(dout, cache)` → the gradients of the inputs (one value, or a tuple in input order)
 */
export interface GraphNode<Inputs extends ReadonlyArray<unknown>, Out, Cache, Grads> {
  readonly forward: (...inputs: Inputs) => readonly [out: Out, cache: Cache];
  readonly backward: (dout: Out, cache: Cache) => Grads;
}
