/** Small inline icons: a few paths each, cheaper than an icon font and crisp at any size. */
const PATHS = {
  play: 'M3 5v14l10-7z M15 5h2.5v14H15z M19.5 5H22v14h-2.5z',
  prev: 'M6 5h2v14H6z M20 5v14L9 12z',
  next: 'M16 5h2v14h-2z M4 5v14l11-7z',
  volDown: 'M4 9v6h4l5 4V5L8 9z M16 11h5v2h-5z',
  volUp: 'M4 9v6h4l5 4V5L8 9z M16 11h2V9h2v2h2v2h-2v2h-2v-2h-2z',
  mute: 'M4 9v6h4l5 4V5L8 9z M16.6 8.2l1.4-1.4 2 2 2-2 1.4 1.4-2 2 2 2-1.4 1.4-2-2-2 2-1.4-1.4 2-2z',
  pad: 'M4 4h16v12H4z M6 18h5v2H6z M13 18h5v2h-5z',
  media: 'M9 4v11.3A3.5 3.5 0 1 0 11 18V8h6V4z',
  slides: 'M3 4h18v12H3z M11 16h2v3h3v2H8v-2h3z',
  deck: 'M4 4h7v7H4z M13 4h7v7h-7z M4 13h7v7H4z M13 13h7v7h-7z',
  keys: 'M2 6h20v12H2z M5 9h2v2H5z M9 9h2v2H9z M13 9h2v2h-2z M17 9h2v2h-2z M7 13h10v2H7z',
  send: 'M3 20l18-8L3 4v6l12 2-12 2z',
  up: 'M12 6l7 8H5z',
  down: 'M12 18l7-8H5z',
  left: 'M6 12l8-7v14z',
  right: 'M18 12l-8-7v14z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 24 }: { name: IconName; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
