#!/usr/bin/env node
/**
 * Generates the demo site's synthetic camera feeds with ffmpeg, into
 * resources/site/public/media/ (Vite's publicDir for the renderer, so both hosts
 * serve them next to the app as media/<file>):
 *  - one 10 s looping VP8 WebM per fixed camera, 640x360 at 15 fps, with the
 *    camera name and a running timecode burnt in, and a vehicle with a plate
 *    crossing the lane cameras;
 *  - an equirectangular 1280x640 JPEG still and a matching 10 s WebM for the
 *    360° camera. Yaw 0 (north) is the image centre, yaw grows to the right
 *    (east at 3/4 width), matching the site file's marker yaw angles.
 * VP8 WebM because Debian's Chromium may lack the proprietary H.264 decoder.
 *
 *   node scripts/generate-demo-media.mjs [--out <dir>] [--check]
 *
 * --check only verifies every file the demo site names exists and is non-empty.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string' }, check: { type: 'boolean', default: false } } });
const outDir = resolve(values.out ?? join(repo, 'resources', 'site', 'public', 'media'));
const siteFile = join(repo, 'resources', 'site', 'demo-site.json');

const W = 640;
const H = 360;
const FPS = 15;
const SECONDS = 10;
const PANO_W = 1280;
const PANO_H = 640;

/** Each fixed camera's look: a test pattern under a dim veil so the overlays read, and an optional vehicle. */
const fixedCameras = [
  { id: 'cam-lane-1', title: 'Lane 1 plate camera', pattern: 'testsrc2', plate: 'WX 40721', tint: '0x2f4f4f' },
  { id: 'cam-lane-2', title: 'Lane 2 plate camera', pattern: 'smptebars', plate: 'B-KR 1187', tint: '0x3b3b50' },
  { id: 'cam-lane-3', title: 'Lane 3 plate camera', pattern: 'testsrc2', plate: '21-KLM-3', tint: '0x4a3b2f' },
  { id: 'cam-lane-4', title: 'Lane 4 plate camera', pattern: 'mandelbrot', plate: 'WX 77302', tint: '0x2f3b4a' },
  { id: 'cam-gate-overview', title: 'Gate overview', pattern: 'smptebars', plate: null, tint: '0x404040' },
  { id: 'cam-inspection-bay', title: 'Inspection bay 2', pattern: 'mandelbrot', plate: 'TGHU 877120 7', tint: '0x30402f' },
  { id: 'cam-yard-mast', title: 'Yard mast camera', pattern: 'testsrc2', plate: null, tint: '0x3a3a3a' },
];

/** Things drawn into the panorama at a yaw (degrees, 0 = north), so markers point at them. */
const panoramaObjects = [
  { yaw: -45, width: 150, height: 40, color: '0xd8d8d0', label: 'LANE 4' },
  { yaw: 30, width: 120, height: 55, color: '0xb03a2e', label: 'MSCU 481220 4' },
  { yaw: 75, width: 120, height: 55, color: '0x2e6db0', label: 'CSQU 305438 3' },
  { yaw: 150, width: 150, height: 70, color: '0x6b8e23', label: 'TGHU 877120 7' },
];

function fontOption() {
  const candidates = ['/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'];
  const file = candidates.find((path) => existsSync(path));
  return file ? `fontfile=${file}` : 'font=Sans';
}

function patternSource(pattern, size) {
  const common = `size=${size}:rate=${FPS}`;
  if (pattern === 'mandelbrot') return `mandelbrot=${common}:maxiter=256`;
  return `${pattern}=${common}`;
}

function text(value) {
  // drawtext: escape the characters its option parser treats specially.
  return value.replace(/\\/g, '\\\\').replace(/:/g, '\\:').replace(/'/g, "\\'").replace(/%/g, '\\%');
}

function overlays(font, title, width) {
  return [
    `drawbox=x=0:y=0:w=${width}:h=34:color=black@0.55:t=fill`,
    `drawtext=${font}:text='${text(title)}':x=10:y=9:fontsize=18:fontcolor=white`,
    `drawtext=${font}:text='%{pts\\:hms}':x=w-tw-10:y=9:fontsize=18:fontcolor=white`,
    `drawtext=${font}:text='● LIVE DEMO':x=10:y=h-28:fontsize=14:fontcolor=white@0.8`,
  ];
}

/** A truck front with a readable plate, as its own small stream that `overlay` moves across the frame. */
function vehicle(font, plate) {
  return [
    `color=c=0xdcdcdc:size=200x150:rate=${FPS}`,
    'drawbox=x=20:y=15:w=160:h=60:color=0x203040:t=fill',
    'drawbox=x=45:y=100:w=110:h=30:color=0xf5f5f5:t=fill',
    'drawbox=x=45:y=100:w=110:h=30:color=black:t=2',
    `drawtext=${font}:text='${text(plate)}':x=100-tw/2:y=106:fontsize=18:fontcolor=black`,
  ].join(',');
}

function run(args) {
  const result = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.error)
    throw new Error(`ffmpeg could not start (${result.error.message}); install ffmpeg (apt-get install ffmpeg) and retry`);
  if (result.status !== 0) throw new Error(`ffmpeg failed with status ${result.status} for ${args.at(-1)}`);
}

const webm = ['-c:v', 'libvpx', '-deadline', 'good', '-cpu-used', '4', '-auto-alt-ref', '0', '-an', '-pix_fmt', 'yuv420p'];

function fixedCamera(font, camera) {
  const veil = `drawbox=x=0:y=0:w=iw:h=ih:color=${camera.tint}@0.55:t=fill`;
  const labels = overlays(font, camera.title, W).join(',');
  // The truck enters from the left and leaves on the right once per loop.
  const graph = camera.plate
    ? `${patternSource(camera.pattern, `${W}x${H}`)},${veil}[bg];${vehicle(font, camera.plate)}[truck];` +
      `[bg][truck]overlay=x='-220+mod(t,${SECONDS})*${(W + 260) / SECONDS}':y=150:shortest=1,${labels}`
    : `${patternSource(camera.pattern, `${W}x${H}`)},${veil},${labels}`;
  const out = join(outDir, `${camera.id}.webm`);
  run([
    '-filter_complex',
    graph,
    '-t',
    String(SECONDS),
    ...webm,
    '-b:v',
    '140k',
    '-maxrate',
    '180k',
    '-bufsize',
    '280k',
    '-g',
    String(FPS * 2),
    out,
  ]);
  return out;
}

function yawToX(yaw) {
  const normalised = ((((yaw + 180) % 360) + 360) % 360) / 360;
  return Math.round(normalised * PANO_W);
}

function panoramaStill(font) {
  const horizon = PANO_H / 2;
  const objects = panoramaObjects.flatMap((o) => {
    const x = yawToX(o.yaw) - o.width / 2;
    const y = horizon - o.height;
    return [
      `drawbox=x=${x}:y=${y}:w=${o.width}:h=${o.height}:color=${o.color}:t=fill`,
      `drawbox=x=${x}:y=${y}:w=${o.width}:h=${o.height}:color=black@0.6:t=2`,
      `drawtext=${font}:text='${text(o.label)}':x=${x + o.width / 2}-tw/2:y=${y + o.height / 2}-th/2:fontsize=14:fontcolor=white:borderw=2:bordercolor=black`,
    ];
  });
  const compass = [
    ['S', -180],
    ['W', -90],
    ['N', 0],
    ['E', 90],
    ['S', 179.999],
  ].map(
    ([label, yaw]) =>
      `drawtext=${font}:text='${label}':x=${Math.min(PANO_W - 24, Math.max(4, yawToX(yaw) - 8))}:y=${horizon - 150}:fontsize=26:fontcolor=0x1c2733:borderw=2:bordercolor=white`,
  );
  const filter = [
    `gradients=size=${PANO_W}x${horizon}:c0=0x3d5f83:c1=0xa8bccf:x0=0:y0=0:x1=0:y1=${horizon}:nb_colors=2:duration=1[sky]`,
    `gradients=size=${PANO_W}x${horizon}:c0=0x6a6d63:c1=0x3a3c36:x0=0:y0=0:x1=0:y1=${horizon}:nb_colors=2:duration=1,` +
      `drawbox=x=0:y=60:w=${PANO_W}:h=4:color=0xe8e8e0:t=fill,drawbox=x=0:y=180:w=${PANO_W}:h=6:color=0xe8e8e0:t=fill[ground]`,
    `[sky][ground]vstack,${[...objects, ...compass, `drawtext=${font}:text='Inspection hall 360°':x=10:y=10:fontsize=20:fontcolor=white:borderw=2:bordercolor=black`].join(',')}`,
  ].join(';');
  const out = join(outDir, 'inspection-360.jpg');
  run(['-f', 'lavfi', '-i', filter, '-frames:v', '1', '-q:v', '5', out]);
  return out;
}

function panoramaVideo(font, still) {
  // The still with a forklift crossing near the horizon and a running timecode.
  const x = `mod(t\\,${SECONDS})*${PANO_W / SECONDS}`;
  const filters = [
    `drawbox=x='${x}':y=${PANO_H / 2 - 30}:w=40:h=30:color=0xe0a020:t=fill`,
    `drawtext=${font}:text='%{pts\\:hms}':x=w-tw-12:y=12:fontsize=20:fontcolor=white:borderw=2:bordercolor=black`,
  ];
  const out = join(outDir, 'cam-inspection-360.webm');
  run([
    '-loop',
    '1',
    '-framerate',
    String(FPS),
    '-i',
    still,
    '-t',
    String(SECONDS),
    '-vf',
    filters.join(','),
    ...webm,
    '-b:v',
    '160k',
    '-maxrate',
    '220k',
    '-bufsize',
    '320k',
    '-g',
    String(FPS * 2),
    out,
  ]);
  return out;
}

function mediaNamedBySite() {
  const site = JSON.parse(readFileSync(siteFile, 'utf8'));
  const urls = [];
  for (const camera of site.cameras) {
    if (camera.source.url && !/^https?:/i.test(camera.source.url)) urls.push(camera.source.url);
    if (camera.still) urls.push(camera.still);
  }
  return urls.map((url) => join(outDir, url.replace(/^media\//, '')));
}

function check() {
  const missing = mediaNamedBySite().filter((file) => !existsSync(file) || statSync(file).size === 0);
  if (missing.length > 0) {
    console.error(`Demo media missing: ${missing.join(', ')}. Run: node scripts/generate-demo-media.mjs`);
    process.exit(1);
  }
  console.log(`Demo media present in ${outDir}`);
}

function generate() {
  mkdirSync(outDir, { recursive: true });
  const font = fontOption();
  const files = fixedCameras.map((camera) => fixedCamera(font, camera));
  const still = panoramaStill(font);
  files.push(still, panoramaVideo(font, still));
  let total = 0;
  for (const file of files) {
    const bytes = statSync(file).size;
    total += bytes;
    console.log(`${(bytes / 1024).toFixed(0).padStart(5)} KB  ${file}`);
  }
  console.log(`${(total / 1024).toFixed(0).padStart(5)} KB  total`);
  const missing = mediaNamedBySite().filter((file) => !existsSync(file));
  if (missing.length > 0) throw new Error(`The demo site names media this script does not make: ${missing.join(', ')}`);
}

if (values.check) check();
else generate();
