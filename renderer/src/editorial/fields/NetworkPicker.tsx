import { networkLabels, networks } from '../../../../shared/posts/networks';
import type { Network } from '../../../../shared/posts/networks';

/** Networks as toggle chips (the post editor's look). */
export function NetworkPicker({ legend, value, onChange, hint }: { legend: string; value: readonly Network[]; onChange: (value: Network[]) => void; hint?: string }) {
  return (
    <fieldset className="networks">
      <legend>{legend}</legend>
      {networks.map((network) => {
        const on = value.includes(network);
        return (
          <label key={network} className={on ? 'chip on' : 'chip'}>
            <input type="checkbox" checked={on} onChange={() => onChange(on ? value.filter((n) => n !== network) : [...value, network])} />
            {networkLabels[network]}
          </label>
        );
      })}
      {hint ? <span className="hint">{hint}</span> : null}
    </fieldset>
  );
}
