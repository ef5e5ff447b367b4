/** An empty hub URL (standalone) or an absolute http(s) address. */
export function isHubUrl(value: string): boolean {
  if (value === '') return true;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Same rule as the contract's DeviceTokenInput, so the field says what is wrong before sending. */
export const DEVICE_TOKEN = /^cwd_[A-Za-z0-9_-]{20,200}$/;
