// Reads an audio file with music-metadata (the parser of many Node podcast tools) and prints
// what it found as JSON: common tags, chapters and the native ID3v2 frames.
//
//   node tests/js/read-tags.mjs file.mp3
import { parseFile } from 'music-metadata';

const path = process.argv[2];
if (!path) {
  console.error('usage: node read-tags.mjs FILE');
  process.exit(2);
}

const metadata = await parseFile(path, { includeChapters: true, duration: false });
const { common, format, native } = metadata;
const picture = (common.picture ?? []).map((p) => ({
  format: p.format,
  type: p.type ?? null,
  size: p.data.length,
}));
const out = {
  tagTypes: format.tagTypes,
  codec: format.codec ?? null,
  sampleRate: format.sampleRate ?? null,
  common: {
    title: common.title ?? null,
    artist: common.artist ?? null,
    album: common.album ?? null,
    track: common.track,
    disk: common.disk,
    year: common.year ?? null,
    genre: common.genre ?? null,
    comment: common.comment ?? null,
    language: common.language ?? null,
    picture,
  },
  chapters: (format.chapters ?? []).map((c) => ({
    title: c.title,
    start: c.start,
    end: c.end ?? null,
    sampleOffset: c.sampleOffset ?? null,
    url: c.url ?? null,
  })),
  native: Object.fromEntries(
    Object.entries(native).map(([tagType, frames]) => [
      tagType,
      frames.map((f) => f.id),
    ]),
  ),
};
process.stdout.write(JSON.stringify(out, null, 2) + '\n');
