import { type SlideProfileId, SlideProfileIds } from '@deskremote/shared';
import { type MessageKey, t } from '../../../i18n/i18n';
import type { PresenterSlotProps } from '../slot-props';
import { chooseProfile, useProfileChoice } from './profile-choice';
import './profile.css';

const NAMES: Record<SlideProfileId, MessageKey> = {
  powerpoint: 'profilePowerPoint',
  'powerpoint-mac': 'profilePowerPointMac',
  keynote: 'profileKeynote',
  'google-slides': 'profileGoogleSlides',
  impress: 'profileImpress',
  evince: 'profileEvince',
  okular: 'profileOkular',
  'adobe-reader': 'profileAdobeReader',
  'mac-preview': 'profileMacPreview',
  reveal: 'profileReveal',
  clicker: 'profileClicker',
};

/** Which slide app the keys are for: picked by the computer from the focused window, or chosen here. */
export function ProfileChip({ snapshot }: PresenterSlotProps) {
  const choice = useProfileChoice();
  const focus = snapshot.state?.focus ?? null;
  const auto = focus ? t(NAMES[focus.profile]) : t('profileClicker');
  return (
    <label
      className={`profile-chip${choice ? ' chosen' : ''}`}
      data-testid="profile-chip"
      data-profile={choice ?? focus?.profile ?? 'auto'}
    >
      {/* "Automatic" goes on the small line: the app's name gets the whole chip on a narrow phone. */}
      <span className="profile-label">{t(choice ? 'profileTitle' : 'profileTitleAuto')}</span>
      <span className="profile-value" aria-hidden="true">
        {choice ? t(NAMES[choice]) : auto}
      </span>
      <select
        data-testid="profile-select"
        value={choice ?? 'auto'}
        onChange={(event) => {
          const value = (event.target as HTMLSelectElement).value;
          chooseProfile(value === 'auto' ? undefined : (value as SlideProfileId));
        }}
      >
        <option value="auto">{t('profileAuto', { app: auto })}</option>
        {SlideProfileIds.map((id) => (
          <option key={id} value={id}>
            {t(NAMES[id])}
          </option>
        ))}
      </select>
    </label>
  );
}
