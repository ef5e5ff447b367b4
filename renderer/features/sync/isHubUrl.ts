import { hubUrlProblem, isLoopbackHost } from '../../../preload/contract/hub-url';

/** An empty hub URL (standalone), an https: address, or http: on loopback: the rule the settings service applies. */
export function isHubUrl(value: string): boolean {
  return hubUrlProblem(value) === null;
}

/** Whether the value is a well-formed http: address off loopback (refused for the token's sake, not for its form). */
export function isPlainHttpOffLoopback(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
  } catch {
    return false;
  }
}

/** Same rule as the contract's DeviceTokenInput, so the field says what is wrong before sending. */
export const DEVICE_TOKEN = /^cwd_[A-Za-z0-9_-]{20,200}$/;
