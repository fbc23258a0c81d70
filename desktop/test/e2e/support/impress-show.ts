/** LibreOffice Impress presenting a generated deck (scripts/impress-show.mjs, shared with npm run bench). */
export { deckXml, ImpressShow, type ShowSlide } from '../../../../scripts/impress-show.mjs';
