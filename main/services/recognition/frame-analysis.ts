/**
 * One camera frame's work, the same in the app's recognition worker and in
 * `npm run eval:gate`: decode the JPEG, cut the ROI, measure motion against the
 * camera's previous frame, and, when the lane is active (motion, or a vehicle
 * being read), read its plate or container number.
 */
import type { CameraReads, Roi } from '../../../preload/contract/schemas/site';
import { cropRoi, type GreyThumbnail, greyThumbnail, motionBetween } from './frame-motion';
import { decodeImage } from './image-file';
import type { ContainerRead, PlateRead, PlateReader } from './plate-reader';

export interface FrameJob {
  cameraId: string;
  reads: CameraReads;
  jpeg: Uint8Array;
  roi: Roi;
  motionThreshold: number;
  /** Read even without motion: a vehicle is being read (it may have stopped at the barrier). */
  active: boolean;
}

export interface FrameAnalysis {
  cameraId: string;
  motion: number;
  /** Whether the frame was read (motion or an active lane). */
  read: boolean;
  plate: PlateRead | null;
  container: ContainerRead | null;
  ms: number;
}

export class FrameAnalyser {
  private readonly previous = new Map<string, GreyThumbnail>();

  constructor(private readonly reader: PlateReader) {}

  async analyse(job: FrameJob): Promise<FrameAnalysis> {
    const started = performance.now();
    const image = cropRoi(decodeImage(job.jpeg, `frame of ${job.cameraId}`), job.roi);
    const thumb = greyThumbnail(image);
    const motion = motionBetween(this.previous.get(job.cameraId) ?? null, thumb);
    this.previous.set(job.cameraId, thumb);
    const read = job.active || motion >= job.motionThreshold;
    let plate: PlateRead | null = null;
    let container: ContainerRead | null = null;
    if (read && job.reads === 'plate') plate = await this.reader.readFrame(image);
    if (read && job.reads === 'container') container = await this.reader.readContainer(image);
    return { cameraId: job.cameraId, motion, read, plate, container, ms: performance.now() - started };
  }
}
