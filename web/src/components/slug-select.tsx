import { Field } from './field';

type SlugSelectProps = {
  id: string;
  label: string;
  /** The first option, which clears the filter ("All eras", "Any actor"). */
  anyLabel: string;
  options: readonly { slug: string; name: string }[];
  /** The filter's slugs; this control sets at most one. */
  value: readonly string[];
  onChange: (slugs: string[]) => void;
};

/** A one-of-many filter over knowledge-base slugs (eras, themes, actors). */
export const SlugSelect = ({ id, label, anyLabel, options, value, onChange }: SlugSelectProps) => (
  <Field id={id} label={label}>
    {(control) => (
      <select
        {...control}
        className="select"
        value={value[0] ?? ''}
        onChange={(event) => onChange(event.target.value ? [event.target.value] : [])}
      >
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.slug} value={option.slug}>
            {option.name}
          </option>
        ))}
      </select>
    )}
  </Field>
);
