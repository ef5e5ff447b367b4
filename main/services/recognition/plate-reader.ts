/**
 * The plate reader: detection, recognition and format correction put together.
 * `readCrop` reads an image that is a plate (a camera's plate crop, a photo an
 * officer took); `readFrame` finds the plate in a whole camera frame among the
 * other text there (lane signs, company names) and reads it. One reader holds
 * the two ONNX sessions; it reads one image at a time.
 */
import { type ContainerNumber, parseContainerNumber } from './container-number';
import { type ReadCharacter, type ReadText } from './ctc-decode';
import { type RecognitionImage, recognitionImage } from './image';
import { createOcrSessions, type OcrSessionOptions, type OcrSessions } from './ocr-session';
import type { OcrModelFiles } from './model-files';
import type { Quad } from './perspective';
import { ALL_PLATE_FORMATS, correctPlate, type PlateFormat, plateCharacters } from './plate-formats';
import { detectText } from './text-detection';
import { votePlate } from './plate-vote';
import { groupLines, quadAspect, type TextLine } from './text-lines';
import { recogniseLine } from './text-recognition';

export interface PlateRead {
  /** The plate without separators, corrected to its format when one fitted, e.g. `京A12345`. */
  text: string;
  /** As its format writes it (`京A·12345`), or the raw text when none fitted. */
  display: string;
  /** The format it fitted, or null (then `text` is the model's read as it was). */
  formatId: string | null;
  /** The least sure character's confidence, 0–1 (halved for characters the format changed). */
  confidence: number;
  chars: ReadCharacter[];
  /** What the model read, before correction. */
  raw: string;
  /** How plate-like the read is, for choosing among a frame's text lines (see `plateLikeness`). */
  likeness: number;
  /** The format's correction cost and specificity (bits); 0 and 0 when no format fitted. */
  cost: number;
  specificity: number;
  /** Where in the image, when detection found it. */
  quad: Quad | null;
}

/** A plate read from several images of one vehicle. */
export interface TrackRead extends PlateRead {
  /** Reads that agreed in length and took part in the vote. */
  support: number;
  /** Reads left out: another length won, or they fitted no format while others did. */
  outvoted: number;
}

export interface PlateReaderOptions extends OcrSessionOptions {
  /** The formats plates are corrected to (default: every preset). */
  formats?: readonly PlateFormat[];
  /** Longest side the detector sees a whole frame at (default 960). */
  frameMaxSide?: number;
  /** How many candidate lines of a frame are read at most (default 6). */
  frameCandidates?: number;
  /**
   * A frame's best line must be at least this plate-like (`plateLikeness`), or the
   * frame has no plate. The default, -1, refuses the lines that fit no format (they
   * score below -1; a line that fits one scores above unless a dozen of its
   * characters had to be changed). A lane
   * sign such as "LANE 3" fits the German format but scores only ~0.37; 0.4 refuses
   * it, and with it short German plates such as "JN W 1" (2 of 200 generated frames).
   * A site that lists only its own formats rarely needs more than the default.
   */
  minFrameLikeness?: number;
}

/**
 * Mean character confidence, scaled down for formats that ordinary words fit by
 * chance (below 10 bits of specificity) and for each correction made. A read
 * that fits no format scores below every read that does.
 */
export function plateLikeness(meanConfidence: number, specificity: number, cost: number): number {
  return meanConfidence * Math.min(1, specificity / 10) - 0.05 * cost;
}

const mean = (chars: readonly ReadCharacter[]) =>
  chars.length === 0 ? 0 : chars.reduce((s, c) => s + c.confidence, 0) / chars.length;

function toRead(read: ReadText, formats: readonly PlateFormat[], quad: Quad | null): PlateRead {
  const corrected = correctPlate(read.chars, formats);
  if (corrected !== null) {
    return {
      likeness: plateLikeness(mean(corrected.chars), corrected.specificity, corrected.cost),
      cost: corrected.cost,
      specificity: corrected.specificity,
      text: corrected.text,
      display: corrected.display,
      formatId: corrected.formatId,
      confidence: Math.min(...corrected.chars.map((c) => c.confidence)),
      chars: corrected.chars,
      raw: read.text,
      quad,
    };
  }
  const chars = plateCharacters(read.chars);
  return {
    // Below -1, where no read that fits a format can fall (its cost is at most a few units).
    likeness: mean(chars) - 2,
    cost: 0,
    specificity: 0,
    text: chars.map((c) => c.char).join(''),
    display: read.text,
    formatId: null,
    confidence: chars.length === 0 ? 0 : Math.min(...chars.map((c) => c.confidence)),
    chars,
    raw: read.text,
    quad,
  };
}

function better(a: PlateRead, b: PlateRead | null): boolean {
  return b === null || a.likeness > b.likeness;
}

export class PlateReader {
  private constructor(
    private readonly sessions: OcrSessions,
    private readonly options: PlateReaderOptions,
  ) {}

  static async load(files: OcrModelFiles, options: PlateReaderOptions = {}): Promise<PlateReader> {
    return new PlateReader(await createOcrSessions(files, options), options);
  }

  private get formats(): readonly PlateFormat[] {
    return this.options.formats ?? ALL_PLATE_FORMATS;
  }

  private async readQuad(image: RecognitionImage, quad: Quad | null): Promise<PlateRead> {
    const read = await recogniseLine(this.sessions.recogniser, this.sessions.alphabet, image, quad ?? undefined);
    const plate = toRead(read, this.formats, quad);
    const doubtful = plate.formatId === null || plate.cost > 0 || plate.specificity < 8;
    if (
      !doubtful ||
      quad === null ||
      !CN_TAIL.test(
        plateCharacters(read.chars)
          .map((c) => c.char)
          .join(''),
      )
    )
      return plate;
    // A Chinese plate read without its province character: the detector may have
    // left the character out of the box (川's three strokes do not look like text
    // to it). Read again with the box one character wider on the left.
    const wider = widenLeft(quad, 1.1);
    const again = toRead(
      await recogniseLine(this.sessions.recogniser, this.sessions.alphabet, image, wider),
      this.formats,
      wider,
    );
    // Only a read that gained a province character replaces the first: widening an EU
    // plate's box brings in its country band, which must not win as a longer plate.
    return again.formatId !== null && /^\P{ASCII}/u.test(again.text) && better(again, plate) ? again : plate;
  }

  /**
   * Reads an image that is a plate. The detector finds the plate's main line (the
   * tallest text, with the boxes beside it on the same line); a country band's
   * small letters or a dealer's name below are left out. Without any detection the
   * whole image is read.
   */
  async readCrop(input: RecognitionImage): Promise<PlateRead> {
    const image = checked(input);
    const boxes = await detectText(this.sessions.detector, image, {
      maxSide: 256,
      minSide: 64,
      boxThreshold: 0.5,
      unclipRatio: 1.6,
    });
    const lines = groupLines(boxes);
    const main = lines[0];
    if (main === undefined) return this.readQuad(image, null);
    const read = await this.readQuad(image, main.quad);
    if (read.formatId !== null) return read;
    const whole = await this.readQuad(image, null);
    return better(whole, read) ? whole : read;
  }

  /** Finds and reads the plate in a camera frame; null when no text line looks like one. */
  async readFrame(input: RecognitionImage): Promise<PlateRead | null> {
    const image = checked(input);
    const boxes = await detectText(this.sessions.detector, image, {
      maxSide: this.options.frameMaxSide ?? 960,
      unclipRatio: 1.6,
    });
    const candidates = groupLines(boxes)
      .filter((line) => {
        const aspect = quadAspect(line.quad);
        return aspect >= 1.5 && aspect <= 14;
      })
      .sort((a, b) => lineRank(b) - lineRank(a))
      .slice(0, this.options.frameCandidates ?? 6);
    let best: PlateRead | null = null;
    for (const line of candidates) {
      const read = await this.readQuad(image, line.quad);
      if (read.chars.length >= 4 && better(read, best)) best = read;
    }
    return best !== null && best.likeness >= (this.options.minFrameLikeness ?? -1) ? best : null;
  }

  /**
   * Reads one vehicle in several images (frames of a camera as it passes, or crops
   * of them) and votes per character, weighted by confidence (plate-vote). Reads
   * that fit a format outvote those that do not. Null when nothing was read.
   */
  async readTrack(images: readonly RecognitionImage[], mode: 'crop' | 'frame'): Promise<TrackRead | null> {
    const reads: PlateRead[] = [];
    for (const image of images) {
      const read = mode === 'crop' ? await this.readCrop(image) : await this.readFrame(image);
      if (read !== null && read.chars.length > 0) reads.push(read);
    }
    return voteReads(reads, this.formats);
  }

  /**
   * Finds and reads an ISO 6346 container number in a frame (a container's side or
   * rear): the lines of the right shape are read and parsed; a line whose check digit
   * agrees wins over one that does not, then the surer read. Null when none parses.
   */
  async readContainer(input: RecognitionImage): Promise<ContainerRead | null> {
    const image = checked(input);
    const boxes = await detectText(this.sessions.detector, image, {
      maxSide: this.options.frameMaxSide ?? 960,
      unclipRatio: 1.6,
    });
    const candidates = groupLines(boxes)
      .filter((line) => quadAspect(line.quad) >= 3)
      .sort((a, b) => b.score - a.score)
      .slice(0, this.options.frameCandidates ?? 6);
    let best: ContainerRead | null = null;
    for (const line of candidates) {
      const read = await recogniseLine(this.sessions.recogniser, this.sessions.alphabet, image, line.quad);
      const number = parseContainerNumber(read.chars);
      if (number === null) continue;
      const confidence = read.chars.length === 0 ? 0 : Math.min(...read.chars.map((c) => c.confidence));
      const candidate: ContainerRead = { ...number, confidence: number.corrected.length > 0 ? confidence / 2 : confidence };
      if (best === null || containerRank(candidate) > containerRank(best)) best = candidate;
    }
    return best;
  }

  async release(): Promise<void> {
    await this.sessions.release();
  }
}

/** A container number as read, with the least sure character's confidence (halved when a look-alike was swapped). */
export interface ContainerRead extends ContainerNumber {
  confidence: number;
}

const containerRank = (read: ContainerRead) => (read.status === 'valid' ? 1 : 0) + read.confidence;

/**
 * The per-character vote over one vehicle's reads (plate-vote): reads that fit a
 * format outvote those that do not; the voted text is corrected to its format again.
 */
export function voteReads(reads: readonly PlateRead[], formats: readonly PlateFormat[] = ALL_PLATE_FORMATS): TrackRead | null {
  const usable = reads.filter((r) => r.chars.length > 0);
  const formatted = usable.filter((r) => r.formatId !== null);
  const voters = formatted.length > 0 ? formatted : usable;
  const vote = votePlate(voters);
  if (vote === null) return null;
  const best = voters.reduce((a, b) => (b.likeness > a.likeness ? b : a));
  const voted = toRead({ text: vote.text, chars: vote.chars, confidence: vote.confidence }, formats, best.quad);
  return { ...voted, raw: vote.text, support: vote.support, outvoted: usable.length - vote.support };
}

/** The image with its size and channels checked against its buffer (a camera may hand over anything). */
function checked(image: RecognitionImage): RecognitionImage {
  return recognitionImage(image.data, image.width, image.height, image.channels);
}

/** A Chinese plate after its province: city letter, then five or six letters and digits. */
const CN_TAIL = /^[A-Z][A-Z0-9]{5,6}$/;

/** The quad extended leftwards along its own direction by `heights` times its height. */
function widenLeft(quad: Quad, heights: number): Quad {
  const [tl, tr, br, bl] = quad;
  const width = Math.hypot(tr.x - tl.x, tr.y - tl.y) || 1;
  const height = Math.hypot(bl.x - tl.x, bl.y - tl.y);
  const ux = (tr.x - tl.x) / width;
  const uy = (tr.y - tl.y) / width;
  const d = height * heights;
  return [{ x: tl.x - ux * d, y: tl.y - uy * d }, tr, br, { x: bl.x - ux * d, y: bl.y - uy * d }];
}

/** Plates are short lines of a few characters: rank by score, preferring plate-like aspects. */
function lineRank(line: TextLine): number {
  const aspect = quadAspect(line.quad);
  const shape = aspect >= 2.5 && aspect <= 9 ? 1 : 0.5;
  return line.score * shape;
}
