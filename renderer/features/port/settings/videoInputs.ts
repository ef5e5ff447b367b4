/**
 * The workstation's local cameras, for choosing one in settings. Browsers hide
 * device labels until camera access was granted once, so unlabelled devices get
 * a numbered name and the caller may ask for access to reveal the real ones.
 */
export interface VideoInput {
  deviceId: string;
  label: string | null;
}

export async function listVideoInputs(): Promise<VideoInput[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((d) => d.kind === 'videoinput' && d.deviceId !== '')
    .map((d) => ({ deviceId: d.deviceId, label: d.label.trim() || null }));
}

/** Opens and at once closes a camera so the browser reveals device labels. */
export async function revealVideoInputLabels(): Promise<void> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
  for (const track of stream.getTracks()) track.stop();
}
