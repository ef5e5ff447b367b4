/**
 * A local camera through getUserMedia. Camera access is allowed only while the
 * Settings switch is on (the permission handler enforces it too); each way it can
 * be refused gets its own reason so the officer sees what to do.
 */
import type { BaseSourceOptions } from './baseSource';
import { SourceFailure } from './sourceFailure';
import { createVideoElement, VideoSource } from './videoSource';

export interface WebcamOptions extends BaseSourceOptions {
  /** The Settings switch; read at each (re)connect. */
  cameraEnabled: () => boolean;
  /** The site camera's deviceId, else the workstation's chosen camera, else the default. */
  deviceId?: string;
  /** Ideal capture size; the camera picks the nearest it has. */
  idealWidth?: number;
  idealHeight?: number;
}

export class WebcamSource extends VideoSource {
  #stream: MediaStream | null = null;

  constructor(
    cameraId: string,
    private readonly options: WebcamOptions,
  ) {
    super(cameraId, createVideoElement(false), options);
  }

  protected async attach(generation: number): Promise<void> {
    if (!this.options.cameraEnabled()) {
      throw new SourceFailure('camera-off', 'Camera access is off in Settings', false);
    }
    if (!navigator.mediaDevices?.getUserMedia) {
      throw new SourceFailure('unsupported', 'This window has no camera API (it needs a secure origin)', false);
    }
    const video: MediaTrackConstraints = {
      width: { ideal: this.options.idealWidth ?? 1280 },
      height: { ideal: this.options.idealHeight ?? 720 },
      ...(this.options.deviceId ? { deviceId: { exact: this.options.deviceId } } : {}),
    };
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video, audio: false });
    } catch (error) {
      throw webcamFailure(error, this.options.deviceId);
    }
    if (!this.current(generation)) {
      stopTracks(stream);
      return;
    }
    this.#stream = stream;
    for (const track of stream.getVideoTracks()) {
      track.addEventListener(
        'ended',
        () => this.connectionFailed(generation, new SourceFailure('no-device', 'The camera was disconnected', true)),
        { once: true },
      );
    }
    this.element.srcObject = stream;
  }

  protected detach(): void {
    if (this.#stream) stopTracks(this.#stream);
    this.#stream = null;
    this.element.srcObject = null;
  }
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

export function webcamFailure(error: unknown, deviceId: string | undefined): SourceFailure {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new SourceFailure('permission-denied', `Camera access was denied (${detail})`, false);
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new SourceFailure(
        'no-device',
        deviceId ? `The chosen camera (${deviceId}) is not connected` : 'No camera is connected',
        false,
      );
    case 'NotReadableError':
    case 'AbortError':
      return new SourceFailure(
        'device-busy',
        `The camera could not be started; another program may be using it (${detail})`,
        true,
      );
    default:
      return new SourceFailure('network', `The camera could not be opened: ${detail}`, true);
  }
}
