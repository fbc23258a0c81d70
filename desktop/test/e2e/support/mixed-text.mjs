// The mixed text of the exact-text test and the bench: ASCII, accents, combining marks, CJK, right-to-left,
// emoji with skin tones, ZWJ sequences and flags, and newlines, in a fixed pseudo-random order (the same
// every run). Pieces come from a small repertoire, as in real writing, where characters recur.

const PIECES = [
  'The quick brown fox jumps over the lazy dog. ',
  'Hello, world! (1+2=3) [ok] {x} <y> ~`@#$%^&*_|\\/?;:\'" ',
  'café crème, naïve façade, señor Müller aß Öl. ',
  'ŁódźĘą žluťoučký kůň ',
  'e\u0301 a\u0308 o\u0302\u0323 n\u0303 ',
  '你好，世界。中文输入 ',
  '日本語のテキスト ',
  '한국어 ',
  'שלום עולם ',
  'مرحبا بالعالم ',
  '👍🏽 👋🏿 ',
  '👨‍👩‍👧‍👦 👩🏽‍💻 🏳️‍🌈 ',
  '🇩🇪🇫🇷🇯🇵 ',
  '\n',
];

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** Exactly `count` grapheme clusters. */
export function mixedText(count = 2000, seed = 7) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const clusters = [];
  while (clusters.length < count) {
    const piece = PIECES[Math.floor(next() * PIECES.length)] ?? '';
    for (const { segment } of segmenter.segment(piece)) clusters.push(segment);
  }
  return clusters.slice(0, count).join('');
}

/** Splits text into commands of at most `maxUnits` UTF-16 units (the protocol's limit), on cluster boundaries. */
export function textChunks(text, maxUnits = 2000) {
  const chunks = [''];
  for (const { segment } of segmenter.segment(text)) {
    if ((chunks[chunks.length - 1] ?? '').length + segment.length > maxUnits) chunks.push('');
    chunks[chunks.length - 1] += segment;
  }
  return chunks;
}
