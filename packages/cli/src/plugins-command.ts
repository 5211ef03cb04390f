import { describeParameters, type PluginKind, type Registry, registeredNames } from "@stepwise/core";
import { scheduleCatalog } from "@stepwise/optimizer";
import * as E from "fp-ts/lib/Either.js";
import type { CliFailure } from "./cli-error.js";

interface Row {
  readonly kind: PluginKind;
  readonly name: string;
  readonly parameters?: string;
  readonly package?: string;
}

const rowsOf = (registry: Registry, kind: PluginKind): ReadonlyArray<Row> => {
  const plain =
    kind === "activation" ? registry.activations : kind === "cost" ? registry.costs : registry.optimizers;
  const factories = registry.factories[kind];
  return registeredNames(registry, kind).map((name) => {
    const factory = factories.get(name.replace(/\(.*$/, ""));
    const pkg = factory?.package ?? plain.get(name)?.meta.package;
    return {
      kind,
      name,
      ...(factory === undefined ? {} : { parameters: describeParameters(factory) }),
      ...(pkg === undefined ? {} : { package: pkg }),
    };
  });
};

/** `stepwise plugins`: every name `--hidden`, `--output`, `--cost`, `--optimizer` and `--decay` accept. */
export const pluginsCommand = async (
  registry: Registry,
  flags: { readonly json: boolean },
  write: (line: string) => void,
): Promise<E.Either<CliFailure, void>> => {
  const kinds: ReadonlyArray<PluginKind> = ["activation", "cost", "optimizer"];
  const rows = kinds.flatMap((kind) => rowsOf(registry, kind));
  const schedules = scheduleCatalog.map(({ name, parameters }) => ({
    kind: "schedule",
    name,
    parameters,
    package: "@stepwise/optimizer",
  }));
  if (flags.json) {
    write(JSON.stringify([...rows, ...schedules]));
    return E.right(undefined);
  }
  for (const kind of kinds) {
    write(`${kind}s:`);
    for (const row of rows.filter((r) => r.kind === kind))
      write(
        `  ${row.name}${row.package === undefined ? "" : `  [${row.package}]`}${row.parameters === undefined ? "" : `  parameters: ${row.parameters}`}`,
      );
  }
  write(
    "schedules (--decay, beside update-lr and schedule-lr-decay; counted in updates, one per mini-batch):",
  );
  for (const row of schedules) write(`  ${row.name}  [${row.package}]  parameters: ${row.parameters}`);
  write("Flags take kebab- or snake_case and parameters in parentheses: --hidden 'leaky-relu(alpha=0.2)'.");
  return E.right(undefined);
};
