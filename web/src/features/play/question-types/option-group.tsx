import type { ResultMarks } from './types';

type Choice = { id: string; label: string };

type OptionGroupProps = {
  kind: 'radio' | 'checkbox';
  name: string;
  options: readonly Choice[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  disabled: boolean;
  labelledBy: string;
  describedBy?: string;
  result?: ResultMarks | null;
  className?: string;
};

const markFor = (result: ResultMarks, id: string) => {
  const isKey = result.key.optionIds.includes(id);
  const isPicked = result.response.optionIds.includes(id);
  if (isKey) {
    return {
      className: 'option--correct',
      text: isPicked ? '✓ Your answer, correct' : '✓ Correct answer',
    };
  }
  if (isPicked) {
    return { className: 'option--wrong', text: '✗ Your answer, wrong' };
  }
  return null;
};

/**
 * Native radio buttons or checkboxes in a labelled group: arrow keys move between radios, Space
 * toggles a checkbox, and the browser does the rest. After the answer, each option is marked with
 * an icon and words (never colour alone).
 */
export const OptionGroup = ({
  kind,
  name,
  options,
  selected,
  onChange,
  disabled,
  labelledBy,
  describedBy,
  result,
  className,
}: OptionGroupProps) => (
  <fieldset
    role={kind === 'radio' ? 'radiogroup' : 'group'}
    aria-labelledby={labelledBy}
    aria-describedby={describedBy}
  >
    <ul className={['options', className].filter(Boolean).join(' ')}>
      {options.map((option) => {
        const mark = result ? markFor(result, option.id) : null;
        const inputId = `${name}-${option.id}`;
        const isChecked = result
          ? result.response.optionIds.includes(option.id)
          : selected.includes(option.id);
        return (
          <li key={option.id}>
            <label
              htmlFor={inputId}
              className={['option', mark?.className].filter(Boolean).join(' ')}
            >
              <input
                id={inputId}
                type={kind}
                name={name}
                value={option.id}
                checked={isChecked}
                disabled={disabled}
                onChange={(event) => {
                  if (kind === 'radio') {
                    onChange([option.id]);
                  } else if (event.target.checked) {
                    onChange([...selected, option.id]);
                  } else {
                    onChange(selected.filter((id) => id !== option.id));
                  }
                }}
              />
              <span>{option.label}</span>
              {mark ? <span className="option__mark">{mark.text}</span> : null}
            </label>
          </li>
        );
      })}
    </ul>
  </fieldset>
);
