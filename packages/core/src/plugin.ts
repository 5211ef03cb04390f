export type PluginKind = "activation" | "cost" | "optimizer";

/**
 * What every plugin says about itself. `name` is the canonical, serializable name a model file records,
 * parameters included: `leaky_relu(alpha=0.01)`.
 */
export interface PluginMeta<K extends PluginKind = PluginKind> {
  readonly kind: K;
  readonly name: string;
  readonly description?: string;
  /** The npm package that provides the plugin, so a missing one can be named in an error. */
  readonly package?: string;
}
