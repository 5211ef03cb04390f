import { AttributeType, DataType } from "./schema.js";

/** The element type of every tensor in an exported model. */
export type Precision = "double" | "float";

/** An ONNX attribute as `onnx.AttributeProto` spells it (only the kinds the exporter writes). */
export type Attribute =
  | { readonly name: string; readonly type: typeof AttributeType.FLOAT; readonly f: number }
  | { readonly name: string; readonly type: typeof AttributeType.INT; readonly i: number };

export const floatAttribute = (name: string, f: number): Attribute => ({
  name,
  type: AttributeType.FLOAT,
  f,
});
export const intAttribute = (name: string, i: number): Attribute => ({ name, type: AttributeType.INT, i });

export interface NodeRecord {
  readonly name: string;
  readonly op_type: string;
  readonly input: ReadonlyArray<string>;
  readonly output: ReadonlyArray<string>;
  readonly attribute: ReadonlyArray<Attribute>;
  readonly doc_string?: string;
}

export interface TensorRecord {
  readonly name: string;
  readonly data_type: number;
  readonly dims: ReadonlyArray<number>;
  readonly raw_data: Uint8Array;
  readonly doc_string?: string;
}

/**
 * Collects the nodes and initializers of one graph while the exporter walks the network. Each call adds to
 * the builder's own lists and returns the name of the value it made; nothing outside the builder changes.
 */
export interface GraphBuilder {
  readonly precision: Precision;
  /** An initializer of the model's precision; returns its name. */
  readonly tensor: (
    name: string,
    values: ArrayLike<number>,
    dims: ReadonlyArray<number>,
    doc?: string,
  ) => string;
  /** A scalar initializer (rank 0) of the model's precision, named `${scope}/${hint}`. */
  readonly scalar: (scope: string, hint: string, value: number) => string;
  /** A node with one output, named `${scope}/${hint}` (or `output` when given); returns the output's name. */
  readonly node: (
    op: string,
    inputs: ReadonlyArray<string>,
    scope: string,
    hint: string,
    options?: {
      readonly attributes?: ReadonlyArray<Attribute>;
      readonly output?: string;
      readonly doc?: string;
    },
  ) => string;
  readonly nodes: () => ReadonlyArray<NodeRecord>;
  readonly initializers: () => ReadonlyArray<TensorRecord>;
}

/** Little-endian IEEE 754 bytes, as TensorProto.raw_data requires whatever the host's byte order. */
const rawData = (values: ArrayLike<number>, precision: Precision): Uint8Array => {
  const width = precision === "double" ? 8 : 4;
  const bytes = new Uint8Array(values.length * width);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++)
    if (precision === "double") view.setFloat64(i * 8, values[i] as number, true);
    else view.setFloat32(i * 4, values[i] as number, true);
  return bytes;
};

export const elemTypeOf = (precision: Precision): number =>
  precision === "double" ? DataType.DOUBLE : DataType.FLOAT;

export const graphBuilder = (precision: Precision): GraphBuilder => {
  const nodes: NodeRecord[] = [];
  const initializers: TensorRecord[] = [];
  const taken = new Set<string>();
  const unique = (name: string): string => {
    let candidate = name;
    for (let k = 2; taken.has(candidate); k++) candidate = `${name}_${k}`;
    taken.add(candidate);
    return candidate;
  };
  const tensor: GraphBuilder["tensor"] = (name, values, dims, doc) => {
    const unusedName = unique(name);
    initializers.push({
      name: unusedName,
      data_type: elemTypeOf(precision),
      dims,
      raw_data: rawData(values, precision),
      ...(doc === undefined ? {} : { doc_string: doc }),
    });
    return unusedName;
  };
  return {
    precision,
    tensor,
    scalar: (scope, hint, value) => tensor(`${scope}/${hint}`, [value], []),
    node: (op, inputs, scope, hint, { attributes = [], output, doc } = {}) => {
      const out = unique(output ?? `${scope}/${hint}`);
      nodes.push({
        name: unique(`${scope}/${hint}:${op}`),
        op_type: op,
        input: inputs,
        output: [out],
        attribute: attributes,
        ...(doc === undefined ? {} : { doc_string: doc }),
      });
      return out;
    },
    nodes: () => nodes,
    initializers: () => initializers,
  };
};

/**
 * Whether a float attribute carries `x` exactly at the model's precision. ONNX attributes are float32
 * (AttributeProto.f), so in a double model an attribute like LeakyRelu's alpha = 0.01 would compute with
 * 0.009999999776…; the exporter then writes the operator as a composition with a double constant instead.
 */
export const attributeIsExact = (x: number, precision: Precision): boolean =>
  precision === "float" || Math.fround(x) === x;
