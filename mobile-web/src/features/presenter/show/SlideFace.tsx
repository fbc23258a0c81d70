/**
 * The slide on screen, as the slide app drew it, as the laser pad's face: the show fills the screen, so a
 * finger on a spot of this picture puts the dot on that very spot of the slide on the screen.
 */
import type { SlideShow } from '@deskremote/shared';
import type { Connection } from '../../../connection/connection';
import { useSlideStore } from './slide-pictures';

export function SlideFace({ connection, show }: { connection: Connection; show: SlideShow }) {
  const store = useSlideStore(connection, show, [show.current]);
  const url = store.pictures.get(show.current);
  return url ? (
    <img className="laser-face" src={url} alt="" data-testid="laser-slide" data-slide-picture={show.current} draggable={false} />
  ) : null;
}
