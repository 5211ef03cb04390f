import type { ComponentChildren } from "preact";

/** A labelled number input that reports only values that parse. */
export const NumberField = ({
  label,
  value,
  onChange,
  step = "any",
  min,
  testId,
}: {
  readonly label: string;
  readonly value: number;
  readonly onChange: (n: number) => void;
  readonly step?: string;
  readonly min?: number;
  readonly testId?: string;
}) => (
  <label class="field">
    <span>{label}</span>
    <input
      type="number"
      value={value}
      step={step}
      min={min}
      data-testid={testId}
      onChange={(e) => {
        const n = Number((e.currentTarget as HTMLInputElement).value);
        if (Number.isFinite(n)) onChange(n);
      }}
    />
  </label>
);

export const SelectField = ({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  readonly label: string;
  readonly value: string;
  readonly options: ReadonlyArray<string | readonly [value: string, title: string]>;
  readonly onChange: (v: string) => void;
  readonly testId?: string;
}) => (
  <label class="field">
    <span>{label}</span>
    <select
      value={value}
      data-testid={testId}
      onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}
    >
      {(options.some((o) => (typeof o === "string" ? o : o[0]) === value)
        ? options
        : [value, ...options]
      ).map((o) => {
        const [v, title] = typeof o === "string" ? [o, o] : o;
        return (
          <option key={v} value={v}>
            {title}
          </option>
        );
      })}
    </select>
  </label>
);

export const Panel = ({
  title,
  children,
}: {
  readonly title: string;
  readonly children: ComponentChildren;
}) => (
  <fieldset class="panel">
    <legend>{title}</legend>
    {children}
  </fieldset>
);
