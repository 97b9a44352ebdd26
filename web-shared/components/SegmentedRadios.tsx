import { useId, type CSSProperties } from 'react';

export interface SegmentedRadiosProps<V extends string> {
  data: readonly { value: V; label: string }[];
  value: V;
  onChange: (value: V) => void;
  'aria-label': string;
  'data-testid'?: string;
  /** Mantine's sizes of the segmented control: `xs` (the default) or `sm`. */
  size?: 'xs' | 'sm';
  /** Extra style of every option (a screen that wants 44 px targets on every device). */
  optionStyle?: CSSProperties;
}

/**
 * A radio group drawn as Mantine's segmented control (global.css, `.segmented`): a gray track, the chosen option on
 * a white chip. Not Mantine's SegmentedControl on the screens a signed-in start or the login page shows first: its
 * sliding indicator measures the labels after mount (a forced layout of the whole page and a second render), which
 * Lighthouse counted among the longest tasks after the first paint on a slow phone.
 */
export function SegmentedRadios<V extends string>({
  data,
  value,
  onChange,
  size = 'xs',
  optionStyle,
  ...rest
}: SegmentedRadiosProps<V>) {
  const name = useId();
  return (
    <div role="radiogroup" className="segmented" data-size={size} {...rest}>
      {data.map((option) => (
        <label
          key={option.value}
          className="segmented-option"
          data-active={option.value === value || undefined}
          style={optionStyle}
        >
          <input
            type="radio"
            className="segmented-input"
            name={name}
            value={option.value}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </div>
  );
}
