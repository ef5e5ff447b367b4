/**
 * WebRTC playback over WHEP (WebRTC-HTTP Egress Protocol, RFC 9725): POST an SDP
 * offer to the endpoint, get the SDP answer back (201 with a Location for the
 * session), and receive the camera's video track. ICE candidates are gathered
 * before the POST (no trickle), which every WHEP server accepts; on a LAN with a
 * bridge such as MediaMTX or go2rtc no STUN/TURN server is needed. The session is
 * ended with DELETE on its Location when the source stops.
 */
import type { BaseSourceOptions } from './baseSource';
import { resolveMediaUrl } from './mediaUrl';
import { SourceFailure } from './sourceFailure';
import { createVideoElement, VideoSource } from './videoSource';

/** Waiting longer for host candidates gains nothing on a LAN. */
const ICE_GATHERING_TIMEOUT_MS = 2000;
const ANSWER_TIMEOUT_MS = 8000;

export interface WhepOptions extends BaseSourceOptions {
  iceServers?: RTCIceServer[];
}

export class WhepSource extends VideoSource {
  readonly #url: string;
  #peer: RTCPeerConnection | null = null;
  #session: string | null = null;
  #abort: AbortController | null = null;

  constructor(
    cameraId: string,
    url: string,
    private readonly options: WhepOptions = {},
  ) {
    super(cameraId, createVideoElement(false), options);
    this.#url = resolveMediaUrl(url);
  }

  protected async attach(generation: number): Promise<void> {
    if (typeof RTCPeerConnection === 'undefined') throw new SourceFailure('unsupported', 'This window has no WebRTC', false);
    const peer = new RTCPeerConnection({ iceServers: this.options.iceServers ?? [] });
    this.#peer = peer;
    peer.addTransceiver('video', { direction: 'recvonly' });
    peer.addEventListener('track', (event) => {
      if (!this.current(generation)) return;
      this.element.srcObject = event.streams[0] ?? new MediaStream([event.track]);
    });
    peer.addEventListener('connectionstatechange', () => {
      if (peer.connectionState === 'failed' || peer.connectionState === 'closed') {
        this.connectionFailed(generation, new SourceFailure('network', `WebRTC connection ${peer.connectionState}`, true));
      }
    });

    await peer.setLocalDescription(await peer.createOffer());
    await iceGatheringDone(peer);
    if (!this.current(generation)) return;

    const abort = new AbortController();
    this.#abort = abort;
    const timeout = setTimeout(() => abort.abort(), ANSWER_TIMEOUT_MS);
    let response: Response;
    try {
      response = await fetch(this.#url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/sdp', Accept: 'application/sdp' },
        body: peer.localDescription?.sdp ?? '',
        signal: abort.signal,
        cache: 'no-store',
      });
    } catch (error) {
      throw new SourceFailure(
        'network',
        `WHEP endpoint ${this.#url} could not be reached: ${error instanceof Error ? error.message : String(error)}`,
        true,
      );
    } finally {
      clearTimeout(timeout);
    }
    if (response.status !== 201 && response.status !== 200) {
      throw new SourceFailure('network', `WHEP endpoint ${this.#url} answered HTTP ${response.status}`, true);
    }
    const location = response.headers.get('Location');
    this.#session = location ? new URL(location, this.#url).toString() : null;
    const answer = await response.text();
    if (!this.current(generation)) return;
    await peer.setRemoteDescription({ type: 'answer', sdp: answer });
  }

  protected detach(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.#peer?.close();
    this.#peer = null;
    if (this.#session) {
      // Frees the session on the bridge; nothing to do if it is already gone.
      void fetch(this.#session, { method: 'DELETE' }).catch(() => undefined);
    }
    this.#session = null;
    this.element.srcObject = null;
  }
}

function iceGatheringDone(peer: RTCPeerConnection): Promise<void> {
  if (peer.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      peer.removeEventListener('icegatheringstatechange', check);
      resolve();
    };
    const check = () => {
      if (peer.iceGatheringState === 'complete') done();
    };
    const timer = setTimeout(done, ICE_GATHERING_TIMEOUT_MS);
    peer.addEventListener('icegatheringstatechange', check);
  });
}
