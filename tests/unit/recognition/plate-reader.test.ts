/**
 * Loads every model resources/models/manifest.json ships and reads a generated
 * plate with them, as a crop and placed in a 1280×720 frame, so a model that is
 * missing, corrupt or out of step with its dictionary fails here.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImageFile } from '../../../main/services/recognition/image-file';
import type { RecognitionImage } from '../../../main/services/recognition/image';
import { locateModelFiles, readModelManifest } from '../../../main/services/recognition/model-files';
import { PlateReader } from '../../../main/services/recognition/plate-reader';

const root = join(__dirname, '..', '..', '..');
const modelsDir = join(root, 'resources', 'models');
// Before a build has copied them, the models are read from their npm package.
const packageDir = join(root, 'node_modules', '@gutenye', 'ocr-models', 'assets');
const plate = readImageFile(join(root, 'tests', 'fixtures', 'recognition', 'plate-cn-min-c8z35s.png'));

/** The plate pasted onto a plain grey 1280×720 frame. */
function inFrame(crop: RecognitionImage, left: number, top: number): RecognitionImage {
  const width = 1280;
  const height = 720;
  const data = new Uint8Array(width * height * 3).fill(96);
  for (let y = 0; y < crop.height; y++) {
    for (let x = 0; x < crop.width; x++) {
      const i = ((top + y) * width + left + x) * 3;
      const j = (y * crop.width + x) * crop.channels;
      data[i] = crop.data[j]!;
      data[i + 1] = crop.data[j + 1]!;
      data[i + 2] = crop.data[j + 2]!;
    }
  }
  return { data, width, height, channels: 3 };
}

describe('the plate reader with the shipped models', { timeout: 60_000 }, () => {
  let reader: PlateReader;
  beforeAll(async () => {
    reader = await PlateReader.load(locateModelFiles(modelsDir, [packageDir]), { threads: 1 });
  });
  afterAll(async () => {
    await reader?.release();
  });

  it('finds every model the manifest names', () => {
    const manifest = readModelManifest(modelsDir);
    expect(Object.keys(manifest.files).sort()).toEqual(['detection', 'dictionary', 'recognition']);
    expect(manifest.license).toBe('Apache-2.0');
  });

  it('reads a plate crop, province character included', async () => {
    const read = await reader.readCrop(plate);
    expect(read).toMatchObject({ text: '闽C8Z35S', display: '闽C·8Z35S', formatId: 'cn-standard' });
    expect(read.confidence).toBeGreaterThan(0.5);
  });

  it('finds and reads the plate in a frame', async () => {
    const read = await reader.readFrame(inFrame(plate, 640, 430));
    expect(read?.text).toBe('闽C8Z35S');
    expect(read?.quad?.[0].x).toBeGreaterThan(630);
  });

  it('refuses a frame whose only text fits no plate format', async () => {
    const sign = readImageFile(join(root, 'tests', 'fixtures', 'recognition', 'plate-cn-min-c8z35s.png'));
    const strict = await PlateReader.load(locateModelFiles(modelsDir, [packageDir]), {
      threads: 1,
      formats: [{ id: 'us-only', region: 'us', pattern: '^[A-Z]{3}-\\d{4}$' }],
    });
    try {
      expect(await strict.readFrame(inFrame(sign, 100, 100))).toBeNull();
      expect(await strict.readCrop(sign)).toMatchObject({ formatId: null });
    } finally {
      await strict.release();
    }
  });

  it('votes across the reads of one vehicle', async () => {
    const track = await reader.readTrack([plate, plate, plate], 'crop');
    expect(track).toMatchObject({ text: '闽C8Z35S', display: '闽C·8Z35S', support: 3, outvoted: 0 });
  });

  it('finds no plate in a frame without text, and refuses a buffer that does not match its size', async () => {
    expect(
      await reader.readFrame({ data: new Uint8Array(1280 * 720 * 3).fill(90), width: 1280, height: 720, channels: 3 }),
    ).toBeNull();
    await expect(reader.readCrop({ data: new Uint8Array(10), width: 4, height: 4, channels: 4 })).rejects.toThrow(RangeError);
  });
});
