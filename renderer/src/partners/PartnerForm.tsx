import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PartnerInput } from '../../../shared/partners/schema';
import type { Partner, PartnerInput as PartnerInputType } from '../../../shared/partners/schema';
import { issuesFromZod } from '../../../shared/api/errors';
import { canonicalTimeZone, isValidTimeZone, listTimeZones, zoneOfCity } from '../../../shared/partners/timeZones';
import { nextPartnerColour } from '../../../shared/partners/palette';
import { networkLabels, networks } from '../../../shared/posts/networks';
import type { Network } from '../../../shared/posts/networks';
import { errorMessage, fieldErrors } from '../ui/errorMessage';
import { useDateFormat } from '../ui/useDateFormat';
import { useNow } from '../ui/useNow';
import { FormActions } from '../ui/FormActions';

/** Every field as the form edits it (text); the sign-off lead is typed in hours, stored in minutes. */
type FormValues = Required<{ [K in Exclude<keyof PartnerInputType, 'signoffLeadMinutes' | 'defaultNetworks'>]: string }> & {
  signoffLeadHours: string;
  defaultNetworks: Network[];
};

/** Hours as typed: « 24 », « 1,5 », « 1.5 », « 36 h » (a unit written after the number is the field's own). */
const leadHours = (typed: string): number => {
  const number = typed.trim().replace(/\s*(h|heures?|hours?)$/iu, '');
  return number === '' ? Number.NaN : Number(number.replace(',', '.'));
};

const toInput = ({ signoffLeadHours, ...rest }: FormValues): Record<keyof PartnerInputType, unknown> => {
  const hours = leadHours(signoffLeadHours);
  // NaN fails the schema's integer check, so a typo gets the field's message instead of a silent default.
  return { ...rest, signoffLeadMinutes: Number.isFinite(hours) ? Math.round(hours * 60) : Number.NaN };
};

const blank = (usedColours: readonly string[]): FormValues => ({
  displayName: '',
  role: '',
  organisation: '',
  color: nextPartnerColour(usedColours),
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Paris',
  locale: 'fr',
  signoffEmail: '',
  signoffLeadHours: '24',
  defaultNetworks: [],
  formOfAddress: '',
});

/** `language`: the stored hours written as the UI writes decimals (« 2,5 » in French). */
const fromPartner = (p: Partner, language: string): FormValues => ({
  displayName: p.displayName,
  role: p.role,
  organisation: p.organisation,
  color: p.color,
  timeZone: p.timeZone,
  locale: p.locale,
  signoffEmail: p.signoffEmail,
  signoffLeadHours: new Intl.NumberFormat(language, { maximumFractionDigits: 2, useGrouping: false }).format(p.signoffLeadMinutes / 60),
  defaultNetworks: p.defaultNetworks,
  formOfAddress: p.formOfAddress,
});

export interface PartnerFormProps {
  partner: Partner | null;
  /** The other partners' colours: a new partner is offered one none of them has. */
  usedColours: readonly string[];
  onSubmit: (input: PartnerInputType) => Promise<void>;
  onCancel: () => void;
}

/** The fields that show their own message (`field` below): an error core pins on another is said under the form. */
const FIELDS_WITH_MESSAGES: ReadonlySet<string> = new Set(['displayName', 'role', 'organisation', 'timeZone', 'locale', 'signoffEmail', 'signoffLeadHours', 'formOfAddress', 'color']);

/**
 * The same zod schema as core validates here first, so errors show per field before anything
 * is sent; core validates again and its errors land on the same fields. One call saves all.
 */
export function PartnerForm({ partner, usedColours, onSubmit, onCancel }: PartnerFormProps) {
  const { t, i18n } = useTranslation();
  const { time } = useDateFormat();
  const now = useNow();
  const id = useId();
  const zones = useMemo(() => listTimeZones(), []);
  const [values, setValues] = useState<FormValues>(() => (partner ? fromPartner(partner, i18n.language) : blank(usedColours)));
  // The zone the field names, a city typed (« Paris ») included: its id and local time said under it.
  const typedZone = useMemo(() => {
    const typed = values.timeZone.trim();
    if (isValidTimeZone(typed)) return canonicalTimeZone(typed);
    return zoneOfCity(typed);
  }, [values.timeZone]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // Bumped when a save stops on errors: once they are drawn, the focus goes to the first field to
  // correct (its message read with it), or back to the button when no field is to blame; it was
  // left on the button, or fell to the page while the button was disabled.
  const [stopped, setStopped] = useState(0);
  useEffect(() => {
    if (stopped === 0 || !form.current) return;
    const field = form.current.querySelector<HTMLElement>('[aria-invalid="true"]');
    (field ?? form.current.querySelector<HTMLElement>('button[type="submit"]'))?.focus();
  }, [stopped]);

  const set = (field: keyof FormValues) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  const toggleNetwork = (network: Network) =>
    setValues((v) => {
      const next = v.defaultNetworks.includes(network) ? v.defaultNetworks.filter((n) => n !== network) : [...v.defaultNetworks, network];
      return { ...v, defaultNetworks: networks.filter((n) => next.includes(n)) };
    });

  const submit = async (event: React.SyntheticEvent) => {
    event.preventDefault();
    setFormError(null);
    const parsed = PartnerInput.safeParse(toInput(values));
    if (!parsed.success) {
      setErrors(
        Object.fromEntries(
          issuesFromZod(parsed.error).map((i) =>
            String(i.path[0]) === 'signoffLeadMinutes'
              ? // Not a number at all is its own mistake: « Entre 0 et 720 » would not say what is wrong with « 1h30 ».
                ['signoffLeadHours', t(Number.isNaN(leadHours(values.signoffLeadHours)) ? 'errors.partner.signoffLeadNotNumber' : i.messageKey)]
              : [String(i.path[0]), t(i.messageKey)],
          ),
        ),
      );
      setStopped((n) => n + 1);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await onSubmit(parsed.data);
    } catch (error) {
      const onFields = fieldErrors(t, error);
      setErrors(onFields);
      // Said once: under its field when core names one (a name already taken), else under the form.
      setFormError(Object.keys(onFields).some((name) => FIELDS_WITH_MESSAGES.has(name)) ? null : errorMessage(t, error));
      setStopped((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof FormValues, label: string, input: React.ReactNode) => (
    <div className={errors[name] ? 'field invalid' : 'field'}>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {input}
      {errors[name] ? (
        <p className="field-error" id={`${id}-${name}-error`} role="alert" data-testid={`error-${name}`}>
          {errors[name]}
        </p>
      ) : null}
    </div>
  );
  const described = (name: keyof FormValues) => (errors[name] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${name}-error` } : {});

  return (
    <form ref={form} className="partner-form" onSubmit={(e) => void submit(e)} noValidate aria-label={partner ? t('partners.form.titleEdit') : t('partners.form.titleNew')}>
      <h2>{partner ? t('partners.form.titleEdit') : t('partners.form.titleNew')}</h2>
      {field('displayName', t('partners.form.displayName'), (
        <input id={`${id}-displayName`} name="displayName" value={values.displayName} onChange={set('displayName')} autoFocus {...described('displayName')} />
      ))}
      <div className="row">
        {field('role', t('partners.form.role'), <input id={`${id}-role`} name="role" value={values.role} onChange={set('role')} />)}
        {field('organisation', t('partners.form.organisation'), (
          <input id={`${id}-organisation`} name="organisation" value={values.organisation} onChange={set('organisation')} />
        ))}
      </div>
      <div className="row">
        {field('timeZone', t('partners.form.timeZone'), (
          <>
            <input id={`${id}-timeZone`} name="timeZone" list={`${id}-zones`} value={values.timeZone} onChange={set('timeZone')} {...described('timeZone')} />
            <datalist id={`${id}-zones`}>
              {zones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
            {typedZone !== null ? (
              <p className="hint" data-testid="partner-zone-hint">
                {typedZone === values.timeZone.trim() ? '' : `${typedZone} — `}
                {t('partners.localTime', { time: time(now, typedZone) })}
              </p>
            ) : null}
          </>
        ))}
        {field('locale', t('partners.form.locale'), (
          <select id={`${id}-locale`} name="locale" value={values.locale} onChange={set('locale')}>
            <option value="fr">{t('locales.fr')}</option>
            <option value="en">{t('locales.en')}</option>
          </select>
        ))}
      </div>
      <div className="row">
        {field('signoffEmail', t('partners.form.signoffEmail'), (
          <input id={`${id}-signoffEmail`} name="signoffEmail" type="email" value={values.signoffEmail} onChange={set('signoffEmail')} {...described('signoffEmail')} />
        ))}
        {field('signoffLeadHours', t('partners.form.signoffLead'), (
          <input id={`${id}-signoffLeadHours`} name="signoffLeadHours" inputMode="decimal" value={values.signoffLeadHours} onChange={set('signoffLeadHours')} {...described('signoffLeadHours')} />
        ))}
      </div>
      <div className="row">
        {field('formOfAddress', t('partners.form.formOfAddress'), (
          <select id={`${id}-formOfAddress`} name="formOfAddress" value={values.formOfAddress} onChange={set('formOfAddress')}>
            <option value="">{t('partners.form.formsOfAddress.none')}</option>
            <option value="madame">{t('partners.form.formsOfAddress.madame')}</option>
            <option value="monsieur">{t('partners.form.formsOfAddress.monsieur')}</option>
          </select>
        ))}
        {field('color', t('partners.form.color'), (
          <input id={`${id}-color`} name="color" type="color" value={values.color} onChange={set('color')} />
        ))}
      </div>
      <fieldset className="networks" data-testid="partner-default-networks">
        <legend>{t('partners.form.defaultNetworks')}</legend>
        {networks.map((network) => (
          <label key={network} className={values.defaultNetworks.includes(network) ? 'chip on' : 'chip'}>
            <input type="checkbox" name="defaultNetworks" value={network} checked={values.defaultNetworks.includes(network)} onChange={() => toggleNetwork(network)} />
            {networkLabels[network]}
          </label>
        ))}
        <p className="hint">{t('partners.form.defaultNetworksHint')}</p>
      </fieldset>
      <FormActions error={formError} busy={busy} submit={t('partners.form.save')} cancel={t('partners.form.cancel')} onCancel={onCancel} />
    </form>
  );
}
