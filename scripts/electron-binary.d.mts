/** Types for scripts/electron-binary.mjs (plain Node, run by `npm start` before anything is built). */
export interface ElectronPackage {
  dir: string;
  version: string;
}
export function electronPackage(root: string): ElectronPackage | null;
export function electronBinary(pkg: ElectronPackage | null): string | null;
export function howToGetElectron(pkg: ElectronPackage | null): string;
