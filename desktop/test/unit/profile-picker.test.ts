import { describe, expect, it } from 'vitest';
import { focusOf } from '../../src/host/presenter/focus-watch.js';
import { pickProfile } from '../../src/host/presenter/profile-picker.js';
import { keysFor, slideProfile } from '../../src/host/presenter/slide-profiles.js';

describe('the slide profile picked from the focused window', () => {
  it.each([
    [{ app: 'libreoffice-impress', instance: 'libreoffice', title: 'Talk.odp - LibreOffice Impress' }, 'linux', 'impress'],
    [{ app: 'Soffice', instance: 'soffice', title: 'Talk.pptx - LibreOffice Impress' }, 'linux', 'impress'],
    // The slide show's own window: a bare class with the version, and a title that only says it presents.
    [{ app: 'LibreOffice 7.4', instance: 'soffice', title: 'Presenting: Quarterly review' }, 'linux', 'impress'],
    [{ app: 'LibreOffice 7.4', instance: 'soffice', title: 'Presenter Console' }, 'linux', 'impress'],
    [{ app: 'libreoffice-writer', instance: 'libreoffice', title: 'letter.odt - LibreOffice Writer' }, 'linux', 'clicker'],
    [{ app: 'Evince', instance: 'evince', title: 'paper.pdf' }, 'linux', 'evince'],
    [{ app: 'okular', instance: 'okular', title: 'slides.pdf — Okular' }, 'linux', 'okular'],
    [{ app: 'AcroRead', title: 'talk.pdf - Adobe Reader' }, 'linux', 'adobe-reader'],
    [{ app: 'POWERPNT.EXE', title: 'Deck.pptx - PowerPoint' }, 'win32', 'powerpoint'],
    [{ app: 'Microsoft PowerPoint', title: 'Deck.pptx' }, 'darwin', 'powerpoint-mac'],
    [{ app: 'Keynote', title: 'Launch.key' }, 'darwin', 'keynote'],
    [{ app: 'Preview', title: 'talk.pdf' }, 'darwin', 'mac-preview'],
    [{ app: 'Chromium', instance: 'chromium', title: 'Roadmap - Google Slides - Chromium' }, 'linux', 'google-slides'],
    [{ app: 'firefox', title: 'Intro — reveal.js — Mozilla Firefox' }, 'linux', 'reveal'],
    [{ app: 'firefox', title: 'The news — Mozilla Firefox' }, 'linux', 'clicker'],
    [{ app: 'xterm', title: 'bash' }, 'darwin', 'keynote'],
  ] as const)('%o on %s is %s', (window, platform, profile) => {
    expect(pickProfile(window, platform)).toBe(profile);
  });

  it('says nothing of a desktop with no focused window, and cuts long titles', () => {
    expect(focusOf(undefined, 'linux')).toBeNull();
    const focus = focusOf({ app: 'Evince', title: 'x'.repeat(500) }, 'linux');
    expect(focus?.title.length).toBe(200);
    expect(focus?.profile).toBe('evince');
  });

  it('gives a viewer a moment to enter its presentation mode before going to the first page', () => {
    const start = keysFor(slideProfile('evince'), 'start') ?? [];
    expect(start.map((k) => k.key)).toEqual(['F5', 'Home']);
    expect(start[0]?.settleMs).toBeGreaterThanOrEqual(300);
  });

  it('goes to a slide by typing its number and Enter, where the app can', () => {
    expect(keysFor(slideProfile('impress'), 'goto', 23)?.map((k) => k.key)).toEqual(['2', '3', 'Enter']);
    expect(keysFor(slideProfile('evince'), 'goto', 23)).toBeUndefined();
    expect(keysFor(slideProfile('impress'), 'goto')).toBeUndefined();
    expect(keysFor(slideProfile('okular'), 'white')).toBeUndefined();
  });
});
