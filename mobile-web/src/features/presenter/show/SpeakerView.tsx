/**
 * The speaker's view, where the slide app tells its show: the slide on screen large (tapping it, or a
 * swipe anywhere, is Next, as on the plain panel), "12 / 30", the next slide small, the notes in a size
 * the speaker sets, and a grid of every slide to jump to. Loaded only when a show is told.
 */
import type { SlideShow } from '@deskremote/shared';
import { useEffect, useMemo, useState } from 'react';
import { t } from '../../../i18n/i18n';
import type { PresenterSlotProps } from '../slot-props';
import { useSlideStore } from './slide-pictures';
import './speaker.css';

const NOTES_SIZE_KEY = 'deskremote.notesSize';
const NOTES_SIZES = [14, 16, 19, 23, 28, 34] as const;

function savedNotesSize(): number {
  const saved = Number(localStorage.getItem(NOTES_SIZE_KEY));
  return NOTES_SIZES.includes(saved as (typeof NOTES_SIZES)[number]) ? saved : 19;
}

export default function SpeakerView({
  connection,
  show,
  onNext,
}: Pick<PresenterSlotProps, 'connection'> & { show: SlideShow; onNext: () => void }) {
  const [grid, setGrid] = useState(false);
  const [notesSize, setNotesSize] = useState(savedNotesSize);
  const { current, count } = show;
  const next = current < count ? current + 1 : undefined;
  // The slide on screen and the next first; with the grid open, every slide after them.
  const wanted = useMemo(() => {
    const first = next === undefined ? [current] : [current, next];
    if (!grid) return first;
    return [...first, ...Array.from({ length: count }, (_, i) => i + 1).filter((n) => !first.includes(n))];
  }, [current, next, count, grid]);
  const store = useSlideStore(connection, show, wanted);

  useEffect(() => localStorage.setItem(NOTES_SIZE_KEY, String(notesSize)), [notesSize]);
  const resize = (step: number) => {
    const at = NOTES_SIZES.indexOf(notesSize as (typeof NOTES_SIZES)[number]);
    setNotesSize(NOTES_SIZES[Math.min(NOTES_SIZES.length - 1, Math.max(0, at + step))] ?? notesSize);
  };
  const notes = store.notes.get(current);
  const jump = (slide: number) => {
    setGrid(false);
    connection.fire({ t: 'showGoto', slide });
  };

  return (
    <div className="speaker" data-testid="speaker-view">
      <button
        type="button"
        className="speaker-current"
        data-slide="next"
        data-testid="show-current"
        aria-label={t('nextSlide')}
        onClick={(event) => {
          // A keyboard or a switch (no pointer behind the click); a finger was handled on its lift.
          if (event.detail === 0) onNext();
        }}
      >
        {store.pictures.has(current) ? (
          <img src={store.pictures.get(current)} alt="" data-slide-picture={current} draggable={false} />
        ) : show.ready === 0 ? (
          // An app that gives no pictures (Keynote): the number, large.
          <span className="speaker-number">{current}</span>
        ) : (
          <span className="speaker-waiting">{t('showLoading')}</span>
        )}
        <span className="speaker-count" data-testid="show-count">
          {current} / {count}
        </span>
      </button>
      <div className="speaker-side">
        <figure className="speaker-next" data-testid="show-next">
          {next === undefined ? (
            <span className="speaker-end">{t('showLastSlide')}</span>
          ) : store.pictures.has(next) ? (
            <img src={store.pictures.get(next)} alt="" data-slide-picture={next} draggable={false} />
          ) : (
            <span className="speaker-waiting">{next}</span>
          )}
          <figcaption>{next === undefined ? '' : t('showNext', { n: next })}</figcaption>
        </figure>
        <div className="speaker-notes no-swipe" data-testid="show-notes" style={{ fontSize: `${notesSize}px` }}>
          {notes === undefined ? '' : notes === '' ? <span className="speaker-no-notes">{t('showNoNotes')}</span> : notes}
        </div>
      </div>
      <div className="speaker-tools no-swipe">
        <button type="button" data-testid="notes-smaller" aria-label={t('notesSmaller')} onClick={() => resize(-1)}>
          A−
        </button>
        <button type="button" data-testid="notes-larger" aria-label={t('notesLarger')} onClick={() => resize(1)}>
          A+
        </button>
        <button type="button" className="speaker-grid-open" data-testid="show-grid-open" onClick={() => setGrid(true)}>
          {t('showAllSlides')}
        </button>
      </div>
      {grid && (
        <div className="speaker-grid no-swipe" role="dialog" aria-label={t('showAllSlides')} data-testid="show-grid">
          <div className="speaker-grid-head">
            <span>{show.title}</span>
            <button type="button" onClick={() => setGrid(false)}>
              {t('showGridClose')}
            </button>
          </div>
          <div className="speaker-grid-slides">
            {Array.from({ length: count }, (_, i) => i + 1).map((n) => (
              <button
                key={n}
                type="button"
                className={n === current ? 'on' : undefined}
                aria-current={n === current ? 'true' : undefined}
                data-show-slide={n}
                onClick={() => jump(n)}
              >
                {store.pictures.has(n) ? <img src={store.pictures.get(n)} alt="" draggable={false} /> : null}
                <span>{n}</span>
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
